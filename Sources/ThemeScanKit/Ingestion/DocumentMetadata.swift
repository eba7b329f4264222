/// A document's metadata by name: its manifest columns and, for a survey row, the row's other columns.
///
/// Kept compact because a survey export makes a document per row and every row carries all of the export's other
/// columns (a questionnaire platform adds a handful, and each closed question one more): a dictionary per row cost
/// about 1.4 KB of memory per row with 20 columns, more than everything else a row leaves behind. The documents of
/// one table share a single sorted list of names, and each keeps its values in one buffer: the values' end offsets
/// followed by their UTF-8 bytes.
public struct DocumentMetadata: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The names of some metadata in sorted order, shared by every document made with them.
    final class Names: Sendable {
        let sorted: [String]
        private let positions: [String: Int]

        /// The distinct names of `names`.
        init(_ names: some Sequence<String>) {
            sorted = Set(names).sorted()
            positions = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($0.element, $0.offset) })
        }

        func position(of name: String) -> Int? { positions[name] }
    }

    let names: Names
    /// `names.sorted.count` end offsets (native `UInt32`, counted from the first value byte), then the values.
    let storage: [UInt8]

    /// Metadata with `names` and a `storage` laid out as `storage` describes, such as one read back from a file.
    init(names: Names, storage: [UInt8]) {
        precondition(storage.count >= names.sorted.count * MemoryLayout<UInt32>.size, "one end offset per name")
        self.names = names
        self.storage = storage
    }

    /// Metadata with `values[i]` under `names.sorted[i]`.
    init(names: Names, values: [String]) {
        precondition(values.count == names.sorted.count, "one value per name")
        self.names = names
        guard !values.isEmpty else {
            storage = []
            return
        }
        let prefix = values.count * MemoryLayout<UInt32>.size
        let total = values.reduce(prefix) { $0 + $1.utf8.count }
        precondition(total - prefix <= Int(UInt32.max), "metadata values past 4 GiB")
        var storage: [UInt8] = []
        storage.reserveCapacity(total)
        var end: UInt32 = 0
        for value in values {
            end += UInt32(value.utf8.count)
            withUnsafeBytes(of: end) { storage.append(contentsOf: $0) }
        }
        for value in values { storage.append(contentsOf: value.utf8) }
        self.storage = storage
    }

    /// The metadata of `dictionary`.
    public init(_ dictionary: [String: String]) {
        let names = Names(dictionary.keys)
        self.init(names: names, values: names.sorted.map { dictionary[$0]! })
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements) { _, last in last })
    }

    /// The names, sorted.
    public var keys: [String] { names.sorted }

    public var count: Int { names.sorted.count }

    public var isEmpty: Bool { names.sorted.isEmpty }

    /// The value under `name`, or nil when there is none. Setting rebuilds the metadata: it is meant for a few
    /// changes, not for filling in a row.
    public subscript(name: String) -> String? {
        get { names.position(of: name).map(value(at:)) }
        set {
            var dictionary = self.dictionary
            dictionary[name] = newValue
            self = DocumentMetadata(dictionary)
        }
    }

    /// The metadata as a dictionary.
    public var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: self.map { ($0.key, $0.value) })
    }

    public func makeIterator() -> AnyIterator<(key: String, value: String)> {
        var position = 0
        return AnyIterator {
            guard position < count else { return nil }
            defer { position += 1 }
            return (key: names.sorted[position], value: value(at: position))
        }
    }

    /// Whether both were made with the same list of names, as the rows of one table are.
    func sharesNames(with other: DocumentMetadata) -> Bool { names === other.names }

    /// The same for all metadata made with the same list of names: what `positions(of:)` depends on.
    var namesIdentity: ObjectIdentifier { ObjectIdentifier(names) }

    /// Where each of `keys` is among the names, for `values(at:)`; nil for a key that is not one of them.
    func positions(of keys: [String]) -> [Int?] {
        keys.map { names.position(of: $0) }
    }

    /// The values at `positions` (from `positions(of:)` on metadata with the same names), "" where nil: a table's
    /// columns read row after row without looking each name up again.
    func values(at positions: [Int?]) -> [String] {
        positions.map { $0.map(value(at:)) ?? "" }
    }

    public static func == (left: DocumentMetadata, right: DocumentMetadata) -> Bool {
        if left.sharesNames(with: right) { return left.storage == right.storage }
        return left.keys == right.keys && left.indices.allSatisfy { left.value(at: $0) == right.value(at: $0) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for (name, value) in self {
            hasher.combine(name)
            hasher.combine(value)
        }
    }

    private var indices: Range<Int> { 0..<count }

    private func value(at position: Int) -> String {
        storage.withUnsafeBytes { bytes in
            let ends = bytes.baseAddress!
            let start = position == 0 ? 0 : Int(ends.loadUnaligned(fromByteOffset: (position - 1) * 4, as: UInt32.self))
            let end = Int(ends.loadUnaligned(fromByteOffset: position * 4, as: UInt32.self))
            let first = count * 4
            return String(decoding: bytes[(first + start)..<(first + end)], as: UTF8.self)
        }
    }
}
