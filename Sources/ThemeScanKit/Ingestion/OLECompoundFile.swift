/// The container of legacy Office files (`.doc`, binary `.xls`) and of password-protected Office documents.
enum OLECompoundFile {
    static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Whether `bytes` start with the compound file signature.
    static func matches(_ bytes: [UInt8]) -> Bool { bytes.starts(with: magic) }
}
