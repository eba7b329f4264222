import CICU

/// Facts about the ICU library the text pipeline runs on.
public enum ICU {
    /// The ICU version, such as "72.1"; recorded with every run.
    public static var version: String { String(cString: cicu_version()) }
}
