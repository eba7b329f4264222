import CPlatform
import Foundation

/// A hidden folder beside the output folder that a run writes into, swapped into place when the run succeeds.
///
/// On Linux the swap is one atomic `renameat2(RENAME_EXCHANGE)`, so at every instant the output folder holds
/// either the earlier results or the new ones; elsewhere it is two renames.
public struct OutputStaging: Sendable {
    /// The output folder as the user named it, for messages.
    public let displayPath: String
    let target: URL
    let staging: URL
    let retired: URL
    /// Set when the output folder holds files themescan did not write (`--force`): the names themescan owns,
    /// which are then replaced one by one instead of swapping the whole folder.
    let inPlace: Set<String>?

    /// The hidden folder itself, for removing it when the run is interrupted.
    public var folder: String { staging.path }

    /// Where a file of this run is written before the swap.
    public func path(for name: String) -> String {
        staging.appendingPathComponent(name).path
    }

    public func write(_ name: String, contents: String) throws(OutputError) {
        do {
            try Data(contents.utf8).write(to: staging.appendingPathComponent(name))
        } catch {
            throw .writeFailed(path: displayPath, reason: fileErrorReason(error))
        }
    }

    public func write(_ name: String, bytes: [UInt8]) throws(OutputError) {
        do {
            try Data(bytes).write(to: staging.appendingPathComponent(name))
        } catch {
            throw .writeFailed(path: displayPath, reason: fileErrorReason(error))
        }
    }

    /// Removes a staged file, such as one written only for other outputs to be made from.
    public func remove(_ name: String) {
        try? FileManager.default.removeItem(at: staging.appendingPathComponent(name))
    }

    /// Swaps the staged files into place; the earlier results are removed only once the new ones are there.
    public func commit() throws(OutputError) {
        let manager = FileManager.default
        if let owned = inPlace {
            do {
                let written = Set(try manager.contentsOfDirectory(atPath: staging.path))
                for name in written.sorted() {
                    // rename(2) replaces a file atomically, so each output is the old one or the new one.
                    guard rename(staging.appendingPathComponent(name).path, target.appendingPathComponent(name).path) == 0
                    else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: name]) }
                }
                // Outputs of an earlier run that this run did not write would be stale.
                for name in try manager.contentsOfDirectory(atPath: target.path)
                where owned.contains(name) && !written.contains(name) {
                    try manager.removeItem(at: target.appendingPathComponent(name))
                }
                try? manager.removeItem(at: staging)
            } catch {
                discard()
                throw .writeFailed(path: displayPath, reason: fileErrorReason(error))
            }
            return
        }
        let exists = manager.fileExists(atPath: target.path)
        do {
            if exists, cplatform_exchange_paths(staging.path, target.path) == 0 {
                // The staging folder now holds the earlier results.
                try? manager.removeItem(at: staging)
            } else if exists {
                try manager.moveItem(at: target, to: retired)
                do {
                    try manager.moveItem(at: staging, to: target)
                } catch {
                    try? manager.moveItem(at: retired, to: target)
                    throw error
                }
                try? manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            discard()
            throw .writeFailed(path: displayPath, reason: fileErrorReason(error))
        }
    }

    /// Removes the staged files; the output folder stays as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
