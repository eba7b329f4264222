import CPlatform
import Foundation

/// Puts a run's files in place all at once: written into a hidden sibling folder, then swapped in.
///
/// On Linux the swap is one atomic `renameat2(RENAME_EXCHANGE)`, so at every instant the output folder holds either
/// the earlier results or the new ones; elsewhere it is two renames. A run that fails or is stopped while writing
/// leaves an earlier output folder as it was. An existing folder is replaced only when every file in it is one
/// themescan writes, so nothing else is ever deleted.
public struct OutputDirectory: Sendable {
    public let path: String
    /// File names a replaced folder may hold.
    public let ownedNames: Set<String>
    /// Whether a folder holding other files may be written into (`--force`): the run's files are then put in place
    /// one by one and the other files are left alone.
    public let force: Bool

    public init(path: String, ownedNames: Set<String>, force: Bool = false) {
        self.path = path
        self.ownedNames = ownedNames
        self.force = force
    }

    /// Writes the files and swaps them into place.
    public func write(_ files: [(name: String, contents: String)]) throws(OutputError) {
        let staging = try begin()
        do throws(OutputError) {
            for file in files { try staging.write(file.name, contents: file.contents) }
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Checks that the folder may be replaced and opens a hidden staging folder beside it to write into.
    ///
    /// `announcing` learns of the staging folder just before it is created, so that whoever must remove it when the
    /// run is stopped (the command line's interrupt handler) knows of it from the moment it exists; told after,
    /// a signal in between left the folder behind.
    public func begin(announcing: (OutputStaging) -> Void = { _ in }) throws(OutputError) -> OutputStaging {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        var inPlace = false
        if exists {
            guard isDirectory.boolValue else { throw .notADirectory(path) }
            let names = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            let foreign = names.filter { !ownedNames.contains($0) }.sorted()
            guard foreign.isEmpty || force else { throw .foreignFiles(directory: path, names: foreign) }
            inPlace = !foreign.isEmpty
        }
        removeLeftovers(in: parent, of: target.lastPathComponent)
        let stamp = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).themescan-new-\(stamp)")
        let opened = OutputStaging(
            displayPath: path, target: target, staging: staging,
            retired: parent.appendingPathComponent(".\(target.lastPathComponent).themescan-old-\(stamp)"),
            inPlace: inPlace ? ownedNames : nil)
        announcing(opened)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            if let file = Self.fileInTheWay(of: path) {
                throw .writeFailed(path: path, reason: "\(file) is a file, not a folder")
            }
            throw .writeFailed(path: path, reason: fileErrorReason(error))
        }
        return opened
    }

    /// The nearest existing folder above `path` that is a file instead, such as `notes.txt` in `notes.txt/out`:
    /// Foundation reports that case as "a file with the same name already exists", which names neither.
    static func fileInTheWay(of path: String) -> String? {
        var ancestor = (path as NSString).deletingLastPathComponent
        while !ancestor.isEmpty {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) {
                return isDirectory.boolValue ? nil : ancestor
            }
            let parent = (ancestor as NSString).deletingLastPathComponent
            guard parent != ancestor else { return nil }
            ancestor = parent
        }
        return nil
    }

    /// Removes staging folders that an earlier run for the same target left when it was killed.
    ///
    /// Only folders named `.NAME.themescan-new-PID-…` or `.NAME.themescan-old-PID-…` whose process is gone are
    /// touched; a run still writing keeps its own.
    private func removeLeftovers(in parent: URL, of name: String) {
        let manager = FileManager.default
        guard let siblings = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        for sibling in siblings {
            for prefix in [".\(name).themescan-new-", ".\(name).themescan-old-"] where sibling.hasPrefix(prefix) {
                let stamp = sibling.dropFirst(prefix.count)
                guard let pid = stamp.split(separator: "-").first.flatMap({ Int32($0) }), pid > 0 else { continue }
                if kill(pid, 0) != 0, errno == ESRCH {
                    try? manager.removeItem(at: parent.appendingPathComponent(sibling))
                }
            }
        }
    }
}
