/// Why groups could not be compared; each message says what was found and what to do.
public enum ComparisonError: Error, Equatable, CustomStringConvertible {
    /// Fewer than two groups were given.
    case tooFewGroups(Int)
    /// A group has an empty label, which would leave its columns unnamed.
    case emptyLabel(source: String)
    /// Two groups share a label, which would give two columns the same name.
    case duplicateLabel(String)
    /// A group's codebook lists a code id twice.
    case duplicateCode(String, group: String)
    /// A count below zero.
    case negativeCount(group: String, what: String)
    /// More cases coded than the group has.
    case casesOutOfRange(group: String, code: String, coded: Int, total: Int)

    public var description: String {
        switch self {
        case .tooFewGroups(let count):
            return "a comparison needs at least two groups, \(count) given: give two or more runs, or a --group-by variable with two or more values"
        case .emptyLabel(let source):
            return "the group from \(source) has an empty label: give it one with --labels"
        case .duplicateLabel(let label):
            return "two groups are labelled \(label): give each group its own label with --labels"
        case .duplicateCode(let code, let group):
            return "the codebook of \(group) lists code \(code) twice: give each code its own id"
        case .negativeCount(let group, let what):
            return "\(group) has a negative \(what): check the run's output files"
        case .casesOutOfRange(let group, let code, let coded, let total):
            return "\(group) has \(coded) cases coded \(code) but only \(total) cases: check the run's output files"
        }
    }
}
