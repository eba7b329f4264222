import Foundation
import ThemeScanKit

/// Turns the command line's inputs into document sources: folders are walked recursively in sorted order.
///
/// Hidden files and folders are skipped; a folder reached twice through links is walked once, so link loops end.
struct InputWalker {
    var diagnostics: [Diagnostic] = []
    /// Files never taken as inputs, such as the manifest, as standardized absolute paths.
    var excluded: Set<String>
    /// Extensions of files met in folders that no adapter reads, with how many there were.
    private var ignoredExtensions: [String: Int] = [:]

    init(excluding excluded: [String] = []) {
        self.excluded = Set(excluded.map(Self.standardized))
    }

    /// Extensions walked in folders besides those of readable formats: files that get a clear error
    /// (save as .docx) rather than being passed over in silence.
    static let refusedExtensions: Set<String> = ["doc"]

    mutating func sources(for inputs: [String]) -> [DocumentSource] {
        var sources: [DocumentSource] = []
        var visited: [String: String] = [:]
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(path: input), Self.missingReason(input)))
                continue
            }
            if isDirectory.boolValue {
                guard let found = walk(folder: input, relativeTo: input, visited: &visited) else { continue }
                if found.isEmpty {
                    diagnostics.append(Diagnostic(.error, at: SourceLocation(path: input), "no readable files found"))
                }
                if !ignoredExtensions.isEmpty {
                    let list = ignoredExtensions.sorted { $0.key < $1.key }.map { "\($0.value) .\($0.key)" }
                    diagnostics.append(
                        Diagnostic(
                            .note, at: SourceLocation(path: input),
                            "passed over files of types this version does not read: \(list.joined(separator: ", "))"))
                    ignoredExtensions = [:]
                }
                sources += found
            } else if excluded.contains(Self.standardized(input)) {
                continue
            } else if isRegularFile(input) {
                let name = (input as NSString).lastPathComponent
                sources.append(DocumentSource(path: input, id: name))
            }
        }
        return Self.withUniqueIDs(readOnce(sources))
    }

    /// A file named twice (directly and through a folder, or through links) is read once.
    private mutating func readOnce(_ sources: [DocumentSource]) -> [DocumentSource] {
        var seen: [String: String] = [:]
        var kept: [DocumentSource] = []
        for source in sources {
            let real = URL(fileURLWithPath: source.path).resolvingSymlinksInPath().path
            if let first = seen[real] {
                diagnostics.append(
                    Diagnostic(.warning, at: SourceLocation(path: source.path), "same file as \(first); read once"))
                continue
            }
            seen[real] = source.path
            kept.append(source)
        }
        return kept
    }

    /// The sources under `folder`, or nil when the folder was walked already (reached again through a link, such
    /// as a link to its own parent): each folder is walked once, so link loops end.
    private mutating func walk(
        folder: String, relativeTo root: String, visited: inout [String: String]
    ) -> [DocumentSource]? {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        if let first = visited[real] {
            diagnostics.append(
                Diagnostic(.warning, at: SourceLocation(path: folder), "same folder as \(first); read once"))
            return nil
        }
        visited[real] = folder
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: folder), "cannot list folder; skipped"))
            return []
        }
        var sources: [DocumentSource] = []
        for name in names where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A link to nothing: a loop is always reported; a broken link only when it names a readable file.
                let reason = Self.missingReason(path)
                if reason == Self.linkLoopReason || Self.isReadable(name) {
                    diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path), reason + "; skipped"))
                }
                continue
            }
            if isDirectory.boolValue {
                if let target = Self.enclosingFolderTarget(ofLink: path, in: real) {
                    // Following it would read the folders around the input too: files the user did not name.
                    diagnostics.append(
                        Diagnostic(
                            .warning, at: SourceLocation(path: path),
                            "\(Self.linkLoopReason): it leads to \(target), which holds it; not followed"))
                    continue
                }
                sources += walk(folder: path, relativeTo: root, visited: &visited) ?? []
            } else if excluded.contains(Self.standardized(path)) {
                continue
            } else if !Self.isReadable(name) {
                let pathExtension = (name as NSString).pathExtension.lowercased()
                ignoredExtensions[pathExtension.isEmpty ? "(none)" : pathExtension, default: 0] += 1
            } else if isRegularFile(path) {
                let relative = String(path.dropFirst(root.count)).drop { $0 == "/" }
                sources.append(DocumentSource(path: path, id: String(relative)))
            }
        }
        return sources
    }

    /// The real path a symbolic link at `path` leads to, when that is `folder` (a real path) or a folder around
    /// it; nil for anything else, including a path that is not a link.
    private static func enclosingFolderTarget(ofLink path: String, in folder: String) -> String? {
        guard (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil else { return nil }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let holds = folder == target || folder.hasPrefix(target == "/" ? "/" : target + "/")
        return holds ? target : nil
    }

    /// Pipes, sockets and devices would block or never end: only regular files (or links to them) are read.
    private mutating func isRegularFile(_ path: String) -> Bool {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let type = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType
        guard type == .typeRegular else {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path), "not a regular file; skipped"))
            return false
        }
        return true
    }

    static let linkLoopReason = "symbolic link loop (a link that leads back to itself)"

    /// Why a path named as an input or met in a folder cannot be followed: a link loop, or nothing there (a broken
    /// link included).
    private static func missingReason(_ path: String) -> String {
        var info = stat()
        if stat(path, &info) != 0, errno == ELOOP { return linkLoopReason }
        return "no such file or folder"
    }

    /// Documents must be told apart in the outputs: a repeated id becomes the path as given.
    private static func withUniqueIDs(_ sources: [DocumentSource]) -> [DocumentSource] {
        var counts: [String: Int] = [:]
        for source in sources { counts[source.id, default: 0] += 1 }
        return sources.map { source in
            counts[source.id]! > 1 ? DocumentSource(path: source.path, id: source.path) : source
        }
    }

    private static func isReadable(_ name: String) -> Bool {
        let pathExtension = (name as NSString).pathExtension
        return DocumentFormat(pathExtension: pathExtension) != nil
            || refusedExtensions.contains(pathExtension.lowercased())
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
