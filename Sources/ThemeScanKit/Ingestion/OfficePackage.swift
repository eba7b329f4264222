/// An Office Open XML package (DOCX, XLSX): a zip archive of XML parts linked by relationship files.
struct OfficePackage {
    static let relationshipsNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/package/2006/relationships"
    ]
    static let officeDocumentType = "/officeDocument"

    let archive: ZipArchiveReader
    var path: String { archive.path }

    init(bytes: [UInt8], path: String, maximumEntryBytes: Int) throws(IngestionError) {
        archive = try ZipArchiveReader(bytes: bytes, path: path, maximumEntryBytes: maximumEntryBytes)
    }

    /// The parsed XML of the part `name`; a broken part is malformed at its line, naming the part.
    func xml(_ name: String) throws(IngestionError) -> XMLTree {
        try tree(name, bytes: try archive.bytes(of: name))
    }

    /// The tree of the part `name`, whose bytes are `bytes`, with `xml`'s errors.
    func tree(_ name: String, bytes: [UInt8]) throws(IngestionError) -> XMLTree {
        do {
            return try XMLTree(xml: bytes)
        } catch {
            guard case .notWellFormed(let line, _, let reason) = error else {
                throw .malformed(at: SourceLocation(path: path), reason: "\(name): \(error)")
            }
            let place = line.map { " at line \($0)" } ?? ""
            throw .malformed(
                at: SourceLocation(path: path, line: line),
                reason: "\(name) is not well-formed XML\(place) (\(reason)); the file may be damaged: re-save it")
        }
    }

    /// The relationships of the part `name` (the package itself for ""), id to (type, target part name);
    /// empty when the part has no relationship file.
    func relationships(of name: String) throws(IngestionError) -> [String: (type: String, target: String)] {
        let folder = name.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let file = name.split(separator: "/").last.map(String.init) ?? ""
        let relationshipsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard archive.contains(relationshipsName) else { return [:] }
        let tree = try xml(relationshipsName)
        var relationships: [String: (type: String, target: String)] = [:]
        for node in tree.root?.elementChildren ?? [] where node.localName == "Relationship" {
            guard let id = node.attribute("Id"), let target = node.attribute("Target") else { continue }
            if node.attribute("TargetMode") == "External" { continue }
            relationships[id] = (node.attribute("Type") ?? "", Self.resolve(target, from: folder))
        }
        return relationships
    }

    /// The main part the package's relationships name (such as `word/document.xml`), or `fallback`.
    func mainPart(fallback: String) throws(IngestionError) -> String {
        let relationships = try relationships(of: "")
        let main = relationships.values.first { $0.type.hasSuffix(Self.officeDocumentType) }
        return main?.target ?? fallback
    }

    /// The main part that the package relationships name, else `fallback`; a package holding neither is not a
    /// document of this kind, and `advice` says what to do.
    func requiredMainPart(fallback: String, kind: String, advice: String) throws(IngestionError) -> String {
        var main = try mainPart(fallback: fallback)
        if !archive.contains(main) { main = fallback }
        guard archive.contains(main) else {
            throw .malformed(
                at: SourceLocation(path: path),
                reason: "the zip archive has no entry \(main), so it is not \(kind); \(advice)")
        }
        return main
    }

    /// A relationship target as a part name: absolute targets start at the package root, others at `folder`.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") || folder.isEmpty ? [] : folder.split(separator: "/")
        for part in target.split(separator: "/") {
            if part == ".." {
                _ = parts.popLast()
            } else if part != "." {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
