import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files created with an exact mode — 0600 for anything holding a secret, folders 0700 — by
/// open(2)/mkdir(2) and fchmod(2) themselves, whatever the umask, and replaced atomically
/// with rename(2). Failures are named in plain words (strerror), never Foundation's domains.
public enum PrivateFiles {
    /// Creates `path` (0700) or checks an existing one is a folder owned by this user (and
    /// takes group and other permissions away from it).
    package static func ensurePrivateDirectory(_ path: String) -> Bool {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        if mkdir(path, 0o700) != 0 && errno != EEXIST { return false }
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid() else { return false }
        if info.st_mode & 0o077 != 0 { return chmod(path, 0o700) == 0 }
        return true
    }

    /// The file's text, or `nil` (missing, unreadable, not a regular file, over 4 MB, not UTF-8).
    package static func read(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size <= 4 << 20,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Creates a new file with exactly `mode` (set by open(2) and fchmod on the open file,
    /// so the umask cannot widen or narrow it and there is no window with another mode).
    package static func create(_ path: String, contents text: String, mode: mode_t) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode & 0o600)
        guard descriptor >= 0 else { return false }
        // open(2) applied the umask to at most 0600; now set the final mode on the open file.
        guard fchmod(descriptor, mode) == 0, writeAll(Array(text.utf8), to: descriptor), close(descriptor) == 0 else {
            close(descriptor)
            unlink(path)
            return false
        }
        return true
    }

    /// Writes every byte, retrying short writes and interruptions.
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return false }
            written += result
        }
        return true
    }

    /// The system's words for an error number (`No such file or directory`).
    public static func reason(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// Writes `text` to `path` atomically (a temporary file beside it, renamed over it) with
    /// `mode`; a failure names the reason in plain words. A path that names a device, a FIFO
    /// or a socket (`--report sarif=/dev/stdout`, a pipe a CI step reads) is written through,
    /// never replaced: renaming a file over `/dev/null` as root would replace the device.
    public static func write(_ text: String, to path: String, mode: mode_t) throws(InputError) {
        var info = stat()
        // `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: a descriptor the caller opened, maybe on
        // a file its shell redirected; appended to, never replaced (as root, a rename would
        // replace the link itself).
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") { return try writeThrough(text, to: path, appending: true) }
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw InputError(path: path, message: "cannot be written (it is a folder)")
            case S_IFSOCK: throw InputError(path: path, message: "cannot be written (it is a socket)")
            default: return try writeThrough(text, to: path, appending: false)
            }
        }
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard create(temporary, contents: text, mode: mode) else {
            throw InputError(path: path, message: "cannot be written (\(reason()))")
        }
        guard rename(temporary, path) == 0 else {
            let why = reason()
            unlink(temporary)
            throw InputError(path: path, message: "cannot be written (\(why))")
        }
    }

    /// Writes to an existing non-regular file in place. A FIFO without a reader is refused at
    /// once (O_NONBLOCK: no waiting for a reader that never comes), then written blocking.
    private static func writeThrough(_ text: String, to path: String, appending: Bool) throws(InputError) {
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (appending ? O_APPEND : 0))
        guard descriptor >= 0 else {
            let why = errno == ENXIO ? "no process is reading it" : reason()
            throw InputError(path: path, message: "cannot be written (\(why))")
        }
        defer { close(descriptor) }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        guard writeAll(Array(text.utf8), to: descriptor) else {
            throw InputError(path: path, message: "cannot be written (\(reason()))")
        }
    }
}
