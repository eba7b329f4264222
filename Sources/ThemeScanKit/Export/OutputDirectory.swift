import Foundation

/// Puts a run's files in place all at once: written into a hidden sibling folder, then swapped in by renames.
///
/// A run that fails or is stopped while writing leaves an earlier output folder as it was. An existing folder is
/// replaced only when every file in it is one themescan writes, so nothing else is ever deleted.
public struct OutputDirectory: Sendable {
    public let path: String
    /// File names a replaced folder may hold.
    public let ownedNames: Set<String>

    public init(path: String, ownedNames: Set<String>) {
        self.path = path
        self.ownedNames = ownedNames
    }

    /// Writes the files and swaps them into place.
    public func write(_ files: [(name: String, contents: String)]) throws(OutputError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else { throw .notADirectory(path) }
            let names = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            let foreign = names.filter { !ownedNames.contains($0) }.sorted()
            guard foreign.isEmpty else { throw .foreignFiles(directory: path, names: foreign) }
        }
        let stamp = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).themescan-new-\(stamp)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).themescan-old-\(stamp)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                try Data(file.contents.utf8).write(to: staging.appendingPathComponent(file.name))
            }
            if exists {
                try manager.moveItem(at: target, to: retired)
                do {
                    try manager.moveItem(at: staging, to: target)
                } catch {
                    try? manager.moveItem(at: retired, to: target)
                    throw error
                }
                try? manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw .writeFailed(path: path, reason: fileErrorReason(error))
        }
    }
}
