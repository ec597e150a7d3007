import Foundation
#if canImport(Glibc)
import Glibc
import GuideChecks
import GuideDocument
import GuideKnowledge
#endif

/// Writes rendered sites so that a failure leaves nothing partial and two renders into one
/// `--out` cannot mix:
/// - an exclusive lock (`--out/.guidekit-lock`, flock(2)) is held for the whole write; a
///   second render waits for it;
/// - everything goes to a staging folder inside `--out` with a unique name first, then each
///   site folder is moved into place (an existing one is replaced only once its successor is
///   complete);
/// - staging and replaced folders left by a killed run (its process is gone) are removed
///   before writing; they may hold secrets.
/// Folders are 0700 and secret-bearing files 0600 (`PrivateFiles`).
public enum OutputWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    static let stagingPrefix = ".guidekit-staging-"
    static let oldSuffix = ".guidekit-old-"

    /// - Returns: the site folders written.
    public static func write(_ rendered: [RenderedGuide], to output: String) throws(WriteError) -> [String] {
        for site in Set(rendered.map(\.site)) {
            if let problem = SiteLoader.folderNameProblem(site) { throw WriteError(path: output, message: problem) }
        }
        do { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) } catch {
            throw WriteError(path: output, message: "the output folder cannot be created (\(PrivateFiles.reason()))")
        }
        let lock = try Lock(path: (output as NSString).appendingPathComponent(".guidekit-lock"))
        defer { lock.release() }
        removeLeftovers(in: output)
        let staging = (output as NSString).appendingPathComponent(
            "\(stagingPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try stage(rendered, in: staging)
        return try swapIn(Set(rendered.map(\.site)).sorted(), from: staging, to: output)
    }

    private static func stage(_ rendered: [RenderedGuide], in staging: String) throws(WriteError) {
        for item in rendered {
            let siteFolder = (staging as NSString).appendingPathComponent(item.site)
            let folder = (siteFolder as NSString).appendingPathComponent(item.guide)
            for directory in [staging, siteFolder, folder] where !PrivateFiles.ensurePrivateDirectory(directory) {
                throw WriteError(path: directory, message: "cannot be created (\(PrivateFiles.reason()))")
            }
            for file in item.artifacts {
                let path = (folder as NSString).appendingPathComponent(file.name)
                guard !file.name.containsLiteral("/"), PrivateFiles.create(path, contents: file.content, mode: mode_t(file.permissions)) else {
                    throw WriteError(path: path, message: "cannot be written (\(PrivateFiles.reason()))")
                }
            }
        }
    }

    /// Moves each staged site folder into place; if any move fails, undoes the ones made.
    private static func swapIn(_ sites: [String], from staging: String, to output: String) throws(WriteError) -> [String] {
        var moved: [(target: String, old: String?)] = []
        let token = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        for site in sites {
            let target = (output as NSString).appendingPathComponent(site)
            let source = (staging as NSString).appendingPathComponent(site)
            let old = target + oldSuffix + token
            let hadOld = access(target, F_OK) == 0
            if hadOld, rename(target, old) != 0 {
                let error = PrivateFiles.reason()
                undo(moved)
                throw WriteError(path: target, message: "cannot be replaced (\(error))")
            }
            guard rename(source, target) == 0 else {
                let error = PrivateFiles.reason()
                if hadOld { rename(old, target) }
                undo(moved)
                throw WriteError(path: target, message: "cannot be written (\(error))")
            }
            moved.append((target, hadOld ? old : nil))
        }
        for (_, old) in moved { if let old { try? FileManager.default.removeItem(atPath: old) } }
        return moved.map(\.target)
    }

    private static func undo(_ moved: [(target: String, old: String?)]) {
        for (target, old) in moved.reversed() {
            try? FileManager.default.removeItem(atPath: target)
            if let old { rename(old, target) }
        }
    }

    /// Staging folders and replaced site folders of runs whose process no longer exists. A
    /// replaced folder whose site folder is missing is the previous output of a run killed
    /// between its two renames: it is put back, not removed.
    static func removeLeftovers(in output: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        for name in names.sorted() {
            let owner: Substring?
            var site: Substring?
            if name.hasPrefix(stagingPrefix) {
                owner = name.dropFirst(stagingPrefix.count).split(separator: "-").first
            } else if let range = name.literalRange(of: oldSuffix) {
                owner = name[range.upperBound...].split(separator: "-").first
                site = name[..<range.lowerBound]
            } else {
                continue
            }
            guard let pid = owner.flatMap({ Int32($0) }), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = (output as NSString).appendingPathComponent(name)
            if let site, !site.isEmpty {
                let target = (output as NSString).appendingPathComponent(String(site))
                if access(target, F_OK) != 0, rename(path, target) == 0 { continue }
            }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// An exclusive flock(2) on a file in the output folder, released on close.
    private struct Lock {
        let descriptor: Int32

        init(path: String) throws(WriteError) {
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard descriptor >= 0 else { throw WriteError(path: path, message: "cannot be opened (\(PrivateFiles.reason()))") }
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw WriteError(path: path, message: "cannot be locked (\(PrivateFiles.reason()))")
                }
            }
        }

        func release() {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }
}
