/// Fills a `SetAsideFile` from its start through a buffer, making the file with the first bytes appended, so that a
/// folder that cannot take it is found at once.
struct SetAsideWriter {
    /// Where the file is made; the system's temporary folder when nil.
    let folder: String?
    /// The start of the file's name.
    let prefix: String
    /// The file, once bytes were written to it.
    private(set) var file: SetAsideFile?
    /// Bytes not yet written.
    private var buffer: [UInt8] = []
    /// Bytes in the file.
    private var written = 0
    private static let bufferBytes = 1 << 20

    init(folder: String?, prefix: String) {
        self.folder = folder
        self.prefix = prefix
    }

    /// How many bytes were appended.
    var count: Int { written + buffer.count }

    /// Appends what `body` appends to the buffer it is given, and writes the buffer out once it is large.
    mutating func append(_ body: (inout [UInt8]) -> Void) throws(TextError) {
        _ = try madeFile()
        body(&buffer)
        if buffer.count >= Self.bufferBytes { try flush() }
    }

    /// Appends `bytes`.
    mutating func append(_ bytes: UnsafeRawBufferPointer) throws(TextError) {
        try append { $0.append(contentsOf: bytes) }
    }

    /// Writes out what is buffered, and gives the file, which then holds everything appended.
    @discardableResult
    mutating func flush() throws(TextError) -> SetAsideFile {
        let file = try madeFile()
        let failure = buffer.withUnsafeBytes { bytes -> TextError? in
            do throws(TextError) {
                try file.write(bytes, at: written)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
        return file
    }

    /// The file, made now if no bytes were appended before.
    private mutating func madeFile() throws(TextError) -> SetAsideFile {
        if let file { return file }
        let made = try SetAsideFile(in: folder, prefix: prefix)
        file = made
        return made
    }
}
