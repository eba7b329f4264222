/// What checking codebook files found.
public struct CodebookCheck: Sendable {
    /// The codebooks that could be read, in the order given.
    public var codebooks: [Codebook]
    /// The loaders' errors and warnings, then the linter's warnings, each located in its file.
    public var diagnostics: [Diagnostic]

    public init(codebooks: [Codebook], diagnostics: [Diagnostic]) {
        self.codebooks = codebooks
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
