/// Whether a code's counts can be compared across the groups as they are.
///
/// Written as `ok`, `missing in A, B` (the code is absent from those groups' codebooks: their counts are unknown,
/// not zero, and the code is not tested), `different terms` (the groups' codebooks give the code different term
/// lists, so its counts are compared but mean different things), or both joined by `; `.
public struct ComparisonStatus: Sendable, Hashable, CustomStringConvertible {
    /// Labels of the groups whose codebooks lack the code, in group order.
    public var missingIn: [String]
    /// The groups that have the code do not all give it the same terms.
    public var differentTerms: Bool

    public init(missingIn: [String] = [], differentTerms: Bool = false) {
        self.missingIn = missingIn
        self.differentTerms = differentTerms
    }

    /// Whether the code is in every group's codebook with the same terms.
    public var isOK: Bool { missingIn.isEmpty && !differentTerms }

    public var description: String {
        var parts: [String] = []
        if !missingIn.isEmpty { parts.append("missing in " + missingIn.joined(separator: ", ")) }
        if differentTerms { parts.append("different terms") }
        return parts.isEmpty ? "ok" : parts.joined(separator: "; ")
    }
}
