/// Which count the top-codes bars are drawn to.
public enum ReportBarMeasure: String, Sendable, Equatable, CaseIterable {
    /// Cases coded for the code, as the mapping report's figures count.
    case cases
    case occurrences
}
