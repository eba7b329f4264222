/// Writes a codebook as a REFI-QDA codebook (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`), and the same code
/// tree inside a project.
///
/// Themes become non-codable parent codes and codes their codable children. A code's name is its label in the
/// first of `labelLanguages` that has one (else its id); its `Description` lists the id, every label, the terms
/// and the exclusions, then the codebook's own description, so the codebook can be read back by people in the QDA
/// program. GUIDs are derived from the ids (`theme:ID`, `code:ID`), colours from the theme's position.
public struct QDACodebookWriter: Sendable {
    public static let namespace = "urn:QDA-XML:codebook:1.0"

    public var labelLanguages: [String]
    /// The `origin` attribute: the program that wrote the file.
    public var origin: String

    public init(labelLanguages: [String] = ["zh", "en"], origin: String = "ThemeScan") {
        self.labelLanguages = labelLanguages
        self.origin = origin
    }

    /// The `.qdc` file's bytes: UTF-8 XML.
    public func codebookFile(for codebook: Codebook) throws(ExportError) -> [UInt8] {
        guard !codebook.themes.isEmpty else { throw .emptyCodebook }
        do throws(MarkupError) {
            let writer = try XMLWriter()
            writer.startElement("CodeBook")
            writer.attribute("xmlns", Self.namespace)
            writer.attribute("origin", origin)
            writeCodes(of: codebook, into: writer)
            writer.endElement()
            return try writer.finish()
        } catch {
            throw .xml(error)
        }
    }

    /// Writes `<Codes>` with the themes and their codes; the element is the same in codebook and project files.
    func writeCodes(of codebook: Codebook, into writer: XMLWriter) {
        writer.startElement("Codes")
        for (position, theme) in codebook.themes.enumerated() {
            let colour = QDAPalette.colour(forThemeAt: position)
            writer.startElement("Code")
            writer.attribute("guid", Self.guid(ofTheme: theme.id).description)
            writer.attribute("name", theme.label.text(preferring: labelLanguages) ?? theme.id)
            writer.attribute("isCodable", "false")
            writer.attribute("color", colour)
            writer.element("Description", text: description(id: theme.id, label: theme.label, terms: [], exclusions: [], text: theme.descriptionText))
            for code in theme.codes {
                writer.startElement("Code")
                writer.attribute("guid", Self.guid(ofCode: code.id).description)
                writer.attribute("name", name(of: code))
                writer.attribute("isCodable", "true")
                writer.attribute("color", colour)
                writer.element(
                    "Description",
                    text: description(
                        id: code.id, label: code.label, terms: code.terms, exclusions: code.exclusions,
                        text: code.descriptionText))
                writer.endElement()
            }
            writer.endElement()
        }
        writer.endElement()
    }

    /// The code's name in the QDA program.
    func name(of code: Code) -> String {
        code.label.text(preferring: labelLanguages) ?? code.id
    }

    /// The GUID of the theme with this id.
    public static func guid(ofTheme id: String) -> QDAGUID { QDAGUID(named: "theme:" + id) }

    /// The GUID of the code with this id.
    public static func guid(ofCode id: String) -> QDAGUID { QDAGUID(named: "code:" + id) }

    /// One line per fact: the id, the labels (preferred languages first), the terms and exclusions, the text.
    private func description(id: String, label: Label, terms: [Term], exclusions: [Term], text: String?) -> String {
        var lines = ["id: \(id)"]
        let languages = labelLanguages.filter { label.texts[$0] != nil } + label.texts.keys.sorted().filter { !labelLanguages.contains($0) }
        for language in languages {
            if let text = label.texts[language], !text.isEmpty { lines.append("label \(language): \(text)") }
        }
        if !terms.isEmpty { lines.append("terms: " + terms.map(\.text).joined(separator: "; ")) }
        if !exclusions.isEmpty { lines.append("exclude: " + exclusions.map(\.text).joined(separator: "; ")) }
        if let text, !text.isEmpty { lines.append(text) }
        return lines.joined(separator: "\n")
    }
}
