/// One file of a REFI-QDA project archive (`.qdpx`): its path inside the zip and its bytes.
public struct QDAArchiveEntry: Sendable, Hashable {
    /// The path inside the archive, such as `project.qde` or `sources/GUID.txt`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
