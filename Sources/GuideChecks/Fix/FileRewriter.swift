import Foundation
#if canImport(Glibc)
import Glibc
import GuideDocument
import GuideKnowledge
#endif

/// Writes a fixed guide back safely:
/// - compare and swap: the file is read again just before it is replaced; if it changed since
///   it was checked (an editor saved it), nothing is written;
/// - a symbolic link is followed: its target is fixed, the link stays a link;
/// - a file with several hard links is rewritten in place (a rename would split the links),
///   only once the space for the new content is reserved (posix_fallocate), so a full disk refuses
///   the fix instead of leaving half a file; otherwise a new file is written beside it and
///   renamed over it (a reader never sees half a file);
/// - mode, owner, group and a UTF-8 byte-order mark are kept;
/// - a read-only file is refused unless `force` (the owner made it read-only on purpose).
public enum FileRewriter {
    public static func rewrite(_ path: String, expected: String, with text: String, force: Bool = false) throws(InputError) {
        func fail(_ message: String) -> InputError { InputError(path: path, message: message) }
        guard let resolved = realpath(path, nil) else { throw fail("cannot be found (\(PrivateFiles.reason()))") }
        let target = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw fail("is not a regular file") }
        if info.st_mode & 0o222 == 0, !force {
            throw fail("is read-only; nothing was written (use --force to fix it anyway)")
        }
        // Compare and swap: what is on disk now must be what was checked.
        let current: [UInt8]
        do { current = try GuideFileReader(maximumBytes: Int.max).readBytes(target) } catch { throw fail(error.message) }
        let hasBOM = current.starts(with: [0xEF, 0xBB, 0xBF])
        guard String(decoding: hasBOM ? Array(current.dropFirst(3)) : current, as: UTF8.self) == expected else {
            throw fail("changed while it was being fixed; nothing was written (run fix again)")
        }
        let bytes = (hasBOM ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        if info.st_nlink > 1 {
            try writeInPlace(target, bytes: bytes, original: current, path: path)
        } else {
            try replace(target, bytes: bytes, like: info, path: path)
        }
    }

    private static func replace(_ target: String, bytes: [UInt8], like info: stat, path: String) throws(InputError) {
        let temporary = target + ".guidekit-fix-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw InputError(path: path, message: "cannot be written (\(PrivateFiles.reason()))") }
        var ok = PrivateFiles.writeAll(bytes, to: descriptor)
        // Owner and group first (may be refused for others' files: then kept as we are), then
        // the mode, on the open file.
        _ = fchown(descriptor, info.st_uid, info.st_gid)
        ok = ok && fchmod(descriptor, info.st_mode & 0o7777) == 0 && fsync(descriptor) == 0
        close(descriptor)
        guard ok, rename(temporary, target) == 0 else {
            let error = PrivateFiles.reason()
            unlink(temporary)
            throw InputError(path: path, message: "cannot be replaced (\(error)); nothing was written")
        }
    }

    private static func writeInPlace(_ target: String, bytes: [UInt8], original: [UInt8], path: String) throws(InputError) {
        // Read-write: glibc emulates posix_fallocate by reading blocks where the file system
        // has no fallocate (NFSv3, many FUSE file systems).
        let descriptor = open(target, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(path: path, message: "cannot be written (\(PrivateFiles.reason()))") }
        defer { close(descriptor) }
        // Reserve every block the new content needs while the old content is still whole: no
        // space, no change (posix_fallocate returns the error number itself). A longer text
        // grows the file first; its new end reads as zeros until the text is written.
        if !bytes.isEmpty {
            let reserved = posix_fallocate(descriptor, 0, off_t(bytes.count))
            guard reserved == 0 else {
                throw InputError(path: path, message: "has several hard links, so it is fixed in place, and the space for the fixed text cannot be reserved (\(PrivateFiles.reason(reserved))); nothing was written")
            }
        }
        guard writeAll(bytes, at: descriptor), ftruncate(descriptor, off_t(bytes.count)) == 0, fsync(descriptor) == 0 else {
            let why = PrivateFiles.reason()
            // Put the checked text back (its blocks were there a moment ago), and say whether
            // that worked.
            let restored = writeAll(original, at: descriptor) && ftruncate(descriptor, off_t(original.count)) == 0
                && fsync(descriptor) == 0
            throw InputError(path: path, message: restored
                ? "could not be written completely (\(why)); the original text was written back"
                : "could not be written completely (\(why)), and writing the original text back failed too (\(PrivateFiles.reason())): check the file")
        }
    }

    /// Writes every byte from offset 0 with pwrite(2), retrying short writes.
    private static func writeAll(_ bytes: [UInt8], at descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(written)) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            written += result
        }
        return true
    }

}
