import Foundation

/// Puts one output file in place all at once: written to a hidden sibling, then renamed over the target.
///
/// `rename(2)` replaces the target atomically, so the path always holds either the earlier file or the new one,
/// never a part of it. A failed write removes its sibling and leaves the earlier file as it was.
public struct OutputFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Writes `bytes` and renames them into place.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        try write { url in try Data(bytes).write(to: url) }
    }

    /// Lets `fill` create the file at a temporary URL beside the target, then renames it into place.
    public func write(using fill: (URL) throws -> Void) throws(OutputError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .writeFailed(path: path, reason: "it is a folder")
        }
        let stamp = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).themescan-new-\(stamp)")
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fill(temporary)
            guard rename(temporary.path, target.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: path, reason: fileErrorReason(error))
        }
    }
}
