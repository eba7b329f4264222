/// Tells interviewer turns from respondent turns by their speaker label.
///
/// A label is an interviewer's when it is in the interviewer list, compared in the same form the matcher compares
/// text in: NFKC with case folding, Traditional Chinese as Simplified, runs of spaces as one. So `訪談者` is
/// `访谈者` and `INTERVIEWER` is `Interviewer`. Every other label is a respondent's; `说话人1` is just a label and
/// becomes the interviewer's only when listed.
public struct SpeakerRoleClassifier: Sendable, Hashable {
    /// The interviewer labels as given.
    public let interviewerLabels: [String]
    private let interviewerKeys: Set<String>

    public init(interviewerLabels: [String] = IngestionOptions.defaultInterviewerLabels) {
        self.interviewerLabels = interviewerLabels
        let folder = LabelFolder()
        interviewerKeys = Set(interviewerLabels.map(folder.key).filter { !$0.isEmpty })
    }

    /// The classifier for one file: the manifest's labels for it when it has some, else the run's.
    public init(options: IngestionOptions, source: DocumentSource) {
        self.init(interviewerLabels: source.interviewerLabels ?? options.interviewerLabels)
    }

    /// The role of one label; `.unknown` for text without one.
    public func role(of label: String?) -> SpeakerRole {
        guard let label else { return .unknown }
        return roles(of: [label])[label] ?? .respondent
    }

    /// The roles of several labels at once, sharing one transliterator: what a reader calls for a document's
    /// distinct labels.
    public func roles(of labels: some Sequence<String>) -> [String: SpeakerRole] {
        let folder = LabelFolder()
        var roles: [String: SpeakerRole] = [:]
        for label in labels where roles[label] == nil {
            roles[label] = interviewerKeys.contains(folder.key(label)) ? .interviewer : .respondent
        }
        return roles
    }

    /// The form a label is compared in.
    public static func comparisonKey(for label: String) -> String {
        LabelFolder().key(label)
    }
}
