extension DocumentSummary {
    /// Appends the summary as one record of a `DocumentSummaryFile`; `nameList` is where the file's list of name
    /// lists has the names of the summary's metadata.
    ///
    /// Numbers are written seven bits a byte and strings as their length and UTF-8 bytes; the metadata's values go
    /// as they are held (`DocumentMetadata.storage`). The file is read back by the process that wrote it, so the
    /// native byte order of those values is the one it reads.
    func appendRecord(to bytes: inout [UInt8], nameList: Int) {
        func number(_ value: Int) { SevenBitNumber.append(value, to: &bytes) }
        func text(_ value: String) {
            number(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }
        text(id)
        text(caseID)
        text(source)
        text(format.rawValue)
        text(encoding)
        number(characters)
        number(tokens)
        number(segments)
        number(speakers.count)
        for speaker in speakers {
            text(speaker.label)
            text(speaker.role.rawValue)
        }
        number(nameList)
        number(metadata.storage.count)
        bytes.append(contentsOf: metadata.storage)
    }

    /// The summary of the record that `record` starts with, as `appendRecord(to:nameList:)` wrote it, with the
    /// metadata's names taken from `nameLists`; nil when the bytes are not such a record.
    init?(record: UnsafeRawBufferPointer, nameLists: [DocumentMetadata.Names]) {
        var offset = 0
        var intact = true
        func number() -> Int {
            guard let value = SevenBitNumber.read(record, at: &offset) else {
                intact = false
                return 0
            }
            return value
        }
        func bytes() -> UnsafeRawBufferPointer {
            let count = number()
            guard count >= 0, count <= record.count - offset else {
                intact = false
                return UnsafeRawBufferPointer(start: nil, count: 0)
            }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: record[offset..<(offset + count)])
        }
        func text() -> String { String(decoding: bytes(), as: UTF8.self) }
        let id = text()
        let caseID = text()
        let source = text()
        let format = DocumentFormat(rawValue: text())
        let encoding = text()
        let characters = number()
        let tokens = number()
        let segments = number()
        var speakers: [SpeakerSummary] = []
        let speakerCount = number()
        for _ in 0..<min(speakerCount, record.count) {
            let label = text()
            guard let role = SpeakerRole(rawValue: text()) else { return nil }
            speakers.append(SpeakerSummary(label: label, role: role))
        }
        let nameList = number()
        let storage = Array(bytes())
        guard intact, offset == record.count, let format, nameLists.indices.contains(nameList),
            storage.count >= nameLists[nameList].sorted.count * MemoryLayout<UInt32>.size
        else { return nil }
        self.init(
            id: id, caseID: caseID, source: source, format: format, encoding: encoding, characters: characters,
            tokens: tokens, speakers: speakers, segments: segments,
            metadata: DocumentMetadata(names: nameLists[nameList], storage: storage))
    }
}
