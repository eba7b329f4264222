/// Hands out names that are unique among those handed out before: a repeat gets a numbered suffix (`_2`, `_3`, …
/// by default); the empty name is handed back as it is. Used for spreadsheet column keys and imported code ids.
struct UniqueKeys {
    private var taken: Set<String>
    private let separator: String

    init(reserving reserved: some Sequence<String> = [String](), separator: String = "_") {
        taken = Set(reserved)
        self.separator = separator
    }

    mutating func claim(_ name: String) -> String {
        guard !name.isEmpty else { return name }
        var candidate = name
        var suffix = 2
        while taken.contains(candidate) {
            candidate = "\(name)\(separator)\(suffix)"
            suffix += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// Claims `wanted`, warning at `location` when it had to be changed.
    mutating func claim(_ wanted: String, at location: SourceLocation, kind: String, warnings: inout [Diagnostic]) -> String {
        let id = claim(wanted)
        if id != wanted {
            warnings.append(Diagnostic(.warning, at: location, "\(kind) id '\(wanted)' is already used; this one is '\(id)'"))
        }
        return id
    }
}
