extension PartialDocument {
    /// Appends the document as one record of `partial-documents.bin`.
    ///
    /// Numbers are written seven bits a byte (`SevenBitNumber`) and strings as their length and UTF-8 bytes, lists
    /// as their length and their items, keyed lists sorted by key so that equal documents are equal bytes. A part of
    /// nil is written as 0, part P as P + 1. JSON was the first form: decoding it cost about 70 µs a survey row,
    /// two thirds of what analyzing the row had cost, which left `merge` as slow as one run; this is read at a few
    /// microseconds a row.
    func appendRecord(to bytes: inout [UInt8]) {
        func number(_ value: Int) { SevenBitNumber.append(value, to: &bytes) }
        func text(_ value: String) {
            number(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }
        func numbers(_ lists: [[Int]]) {
            number(lists.count)
            for list in lists {
                number(list.count)
                list.forEach(number)
            }
        }
        func counts(_ values: [String: Int]) {
            number(values.count)
            for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                text(key)
                number(value)
            }
        }
        number(input)
        number(part.map { $0 + 1 } ?? 0)
        number(completesCase ? 1 : 0)
        for field in [id, caseID, source, format, encoding] { text(field) }
        number(characters)
        number(tokens)
        number(segments)
        number(speakers.count)
        for speaker in speakers {
            number(speaker.count)
            speaker.forEach(text)
        }
        number(metadata.count)
        for (name, value) in metadata.sorted(by: { $0.key < $1.key }) {
            text(name)
            text(value)
        }
        numbers(codes)
        numbers(terms)
        number(words.count)
        for (word, count) in zip(words, wordCounts) {
            text(word)
            number(count)
        }
        number(wordCodes.count)
        for (word, codes) in wordCodes.sorted(by: { $0.key < $1.key }) {
            text(word)
            numbers([codes])
        }
        numbers(segmentPairs)
        counts(roleSegments)
        counts(roleTokens)
    }

    /// The document of a record as `appendRecord(to:)` wrote it; nil when the bytes are not such a record.
    ///
    /// Every length is checked against the bytes left before anything is made of that size, so a damaged file
    /// makes nil, never a crash or a huge allocation.
    init?(record: UnsafeRawBufferPointer) {
        var offset = 0
        var intact = true
        func number() -> Int {
            guard intact, let value = SevenBitNumber.read(record, at: &offset), value >= 0 else {
                intact = false
                return 0
            }
            return value
        }
        /// A count of items, each at least a byte long.
        func count() -> Int {
            let value = number()
            guard value <= record.count - offset else {
                intact = false
                return 0
            }
            return value
        }
        func text() -> String {
            let length = count()
            defer { offset += length }
            return String(decoding: UnsafeRawBufferPointer(rebasing: record[offset..<(offset + length)]), as: UTF8.self)
        }
        func numbers() -> [[Int]] {
            (0..<count()).map { _ in (0..<count()).map { _ in number() } }
        }
        /// A keyed list as `appendRecord(to:)` writes it; nil when a key comes twice.
        func counts() -> [String: Int]? {
            var values: [String: Int] = [:]
            for _ in 0..<count() {
                let key = text()
                guard values.updateValue(number(), forKey: key) == nil else { return nil }
            }
            return values
        }
        input = number()
        let part = number()
        self.part = part == 0 ? nil : part - 1
        let completesCase = number()
        self.completesCase = completesCase == 1
        id = text()
        caseID = text()
        source = text()
        format = text()
        encoding = text()
        characters = number()
        tokens = number()
        segments = number()
        speakers = (0..<count()).map { _ in (0..<count()).map { _ in text() } }
        metadata = [:]
        for _ in 0..<count() {
            let name = text()
            guard metadata.updateValue(text(), forKey: name) == nil else { return nil }
        }
        codes = numbers()
        terms = numbers()
        words = []
        wordCounts = []
        for _ in 0..<count() {
            words.append(text())
            wordCounts.append(number())
        }
        wordCodes = [:]
        for _ in 0..<count() {
            let word = text()
            guard let codes = numbers().first, wordCodes.updateValue(codes, forKey: word) == nil else { return nil }
        }
        segmentPairs = numbers()
        guard let roleSegments = counts(), let roleTokens = counts() else { return nil }
        self.roleSegments = roleSegments
        self.roleTokens = roleTokens
        guard intact, offset == record.count, completesCase <= 1 else { return nil }
    }
}
