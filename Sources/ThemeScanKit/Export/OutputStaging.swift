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
        var contents = contents
        // withUTF8 and withUnsafeBytes rethrow untyped errors, so the failure comes back as a value.
        if let failure = contents.withUTF8({ write(name, buffer: UnsafeRawBufferPointer($0)) }) { throw failure }
    }

    public func write(_ name: String, bytes: [UInt8]) throws(OutputError) {
        if let failure = bytes.withUnsafeBytes({ write(name, buffer: $0) }) { throw failure }
    }

    /// Writes one file from the pieces `produce` hands to `emit`, one at a time, so a large table is never whole
    /// in memory; the same system calls as `write(_:bytes:)`.
    public func write(
        _ name: String, pieces produce: (_ emit: ([UInt8]) throws(OutputError) -> Void) throws(OutputError) -> Void
    ) throws(OutputError) {
        try writeFile(name, produce) { $0 }
    }

    /// Writes one file from pieces as `write(_:pieces:)` does, for a producer with failures of its own (a
    /// workbook's), which are thrown as they are; a failed write throws `OutputError`.
    public func write(
        _ name: String, streaming produce: (_ emit: ([UInt8]) throws(OutputError) -> Void) throws -> Void
    ) throws {
        try writeFile(name, produce) { $0 }
    }

    private func writeFile<Failure: Error>(
        _ name: String, _ produce: (_ emit: ([UInt8]) throws(OutputError) -> Void) throws(Failure) -> Void,
        failure convert: (OutputError) -> Failure
    ) throws(Failure) {
        let descriptor = open(staging.appendingPathComponent(name).path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw convert(failure(writing: name)) }
        do {
            try produce { piece throws(OutputError) in
                if let failure = piece.withUnsafeBytes({ write(name, buffer: $0, to: descriptor) }) { throw failure }
            }
        } catch {
            close(descriptor)
            throw error
        }
        // close(2) reports a delayed write error of some file systems (NFS); a file is only written once it closes.
        guard close(descriptor) == 0 else { throw convert(failure(writing: name)) }
    }

    /// Writes one file with plain system calls, because Foundation's `Data.write` turns a full disk under a file
    /// size limit (EFBIG) into "the operation could not be completed"; the message names the file and the cause.
    private func write(_ name: String, buffer: UnsafeRawBufferPointer) -> OutputError? {
        let descriptor = open(staging.appendingPathComponent(name).path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return failure(writing: name) }
        if let error = write(name, buffer: buffer, to: descriptor) {
            close(descriptor)
            return error
        }
        guard close(descriptor) == 0 else { return failure(writing: name) }
        return nil
    }

    /// Writes all of `buffer` to an open file, going on after interrupted calls.
    private func write(_ name: String, buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> OutputError? {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                guard errno == EINTR else { return failure(writing: name) }
                continue
            }
            offset += written
        }
        return nil
    }

    private func failure(writing name: String) -> OutputError {
        .writeFailed(path: displayPath, reason: "writing \(name): \(String(cString: strerror(errno)))")
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

    /// Removes the staged files while another thread may still be writing into them, as when a run is interrupted.
    ///
    /// The folder is renamed away first, so no new file can appear in it while it is removed (which would make
    /// removing it fail); writes still under way fail instead. Should the removal itself be cut short, the renamed
    /// folder still carries this process's id, and the next run for the same output folder removes it.
    public func abandon() {
        let stopped = staging.path + "-stopped"
        guard rename(staging.path, stopped) == 0 else {
            discard()
            return
        }
        try? FileManager.default.removeItem(atPath: stopped)
    }
}
