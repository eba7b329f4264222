/// A category read from a dictionary file, before it becomes a theme or a code.
///
/// Dictionaries nest categories to any depth; `CodebookImporter.assemble` maps the tree onto themes → codes.
struct ImportedCategory {
    var name: String
    var location: SourceLocation
    /// The index of the enclosing category in the importer's list, nil at the top.
    var parent: Int?
    var terms: [Term] = []
}
