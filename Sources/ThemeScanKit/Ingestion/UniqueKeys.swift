/// Hands out names that are unique among those handed out before: a repeat gets `_2`, `_3`, …; the empty
/// name is handed back as it is.
struct UniqueKeys {
    private var taken: Set<String>

    init(reserving reserved: some Sequence<String> = [String]()) {
        taken = Set(reserved)
    }

    mutating func claim(_ name: String) -> String {
        guard !name.isEmpty else { return name }
        var candidate = name
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(name)_\(suffix)"
            suffix += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
