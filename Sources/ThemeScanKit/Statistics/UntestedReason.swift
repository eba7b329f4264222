/// Why a significance test was not run for a row.
public enum UntestedReason: Sendable, Hashable, CustomStringConvertible {
    /// Fewer than two groups have anything to divide by (tokens for rates, cases for proportions).
    case fewerThanTwoGroups
    /// No group has an occurrence (rates) or a coded case (proportions): there is nothing to compare.
    case noOccurrences
    /// Every case of every group is coded: the proportions are all 100% and cannot differ.
    case everyCaseCoded
    /// The code is absent from the codebook of the named groups, so its counts there are unknown, not zero.
    case missing(in: [String])

    public var description: String {
        switch self {
        case .fewerThanTwoGroups: "fewer than two groups have tokens or cases"
        case .noOccurrences: "no occurrences in any group"
        case .everyCaseCoded: "every case is coded in every group"
        case .missing(let labels): "missing in " + labels.joined(separator: ", ")
        }
    }
}
