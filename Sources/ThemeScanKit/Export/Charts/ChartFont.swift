/// The typeface every ThemeScan chart asks for.
public enum ChartFont {
    /// A CSS font stack that puts a font with full Simplified Chinese coverage first on each platform (Linux, macOS,
    /// Windows), so Chinese and Latin text come from one font; the single quotes keep it readable inside an XML
    /// attribute.
    public static let family = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
}
