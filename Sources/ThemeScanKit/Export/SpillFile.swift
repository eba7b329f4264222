import Foundation

/// A temporary file, readable by its owner only, that takes bytes too many to hold and gives them back; removed
/// when let go.
final class SpillFile {
    let path: String
    private let handle: FileHandle
    /// How many bytes have been written.
    private(set) var size = 0

    /// Creates the file in `folder`, or in the system's temporary folder when nil.
    init(in folder: String?, prefix: String) throws(OutputError) {
        path = Self.uniquePath(in: folder, prefix: prefix)
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forUpdatingAtPath: path)
        else { throw .writeFailed(path: path, reason: "cannot create a temporary file: \(String(cString: strerror(errno)))") }
        self.handle = handle
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard bytes.count > 0, let base = bytes.baseAddress else { return }
        do {
            try handle.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
        } catch {
            throw .writeFailed(path: path, reason: fileErrorReason(error))
        }
        size += bytes.count
    }

    /// A path no other file has, `prefix` and a UUID, in `folder` or the system's temporary folder when nil.
    static func uniquePath(in folder: String?, prefix: String, suffix: String = "") -> String {
        let base = folder.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
        return base.appendingPathComponent("\(prefix)-\(UUID().uuidString)\(suffix)").path
    }

    /// The file, for reading back what was written (`ZipEntrySink.add(_:file:size:)`).
    var reader: FileHandle { handle }
}
