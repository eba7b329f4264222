import ArgumentParser
import Foundation
import ThemeScanKit

/// `themescan export`: results in the REFI-QDA interchange format, for NVivo, ATLAS.ti, MAXQDA and QualCoder.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a codebook (.qdc) or an automatically coded project (.qdpx) in the REFI-QDA exchange format.",
        subcommands: [QDC.self, QDPX.self]
    )

    /// Refuses an output path without the extension QDA programs look for.
    static func validateOutput(_ path: String, fileExtension: String) throws {
        guard URL(fileURLWithPath: path).pathExtension.lowercased() == fileExtension else {
            throw ValidationError("name the output file with the .\(fileExtension) extension, which QDA programs look for (got '\(path)')")
        }
    }
}
