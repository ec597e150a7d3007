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
        try staged(Set(rendered.map(\.site)).sorted(), in: output) { staging throws(WriteError) in try stage(rendered, in: staging) }
    }

    /// Under the output lock, with a killed run's leftovers cleared: `body` fills a fresh
    /// staging folder with the named site folders, which are then swapped in.
    private static func staged(_ sites: [String], in output: String,
                               _ body: (String) throws(WriteError) -> Void) throws(WriteError) -> [String] {
        for site in sites {
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
        guard PrivateFiles.ensurePrivateDirectory(staging) else {
            throw WriteError(path: staging, message: "cannot be created (\(PrivateFiles.reason()))")
        }
        try body(staging)
        return try swapIn(sites, from: staging, to: output)
    }

    /// Applies site plans (`render` without `--plan`): each site whose plan changes anything
    /// is staged as a copy of its current folder (hard links: nothing is read or copied, a
    /// file someone added comes along), the plan's files are written or removed there, the
    /// state last, and the folder is swapped in whole. A site without changes is not touched.
    /// - Returns: the site folders written.
    public static func apply(_ plans: [SitePlan], to output: String) throws(WriteError) -> [String] {
        let changing = plans.filter(\.hasChanges)
        guard !changing.isEmpty else { return [] }
        return try staged(changing.map(\.site).sorted(), in: output) { staging throws(WriteError) in
            for plan in changing {
                // The plan was made before the lock was taken: another render (or `secrets
                // import`) may have changed the site meanwhile; its work is not overwritten.
                let current = try? SiteState.load(siteFolder: plan.folder, site: plan.site)
                guard current == plan.oldState else {
                    throw WriteError(path: plan.folder, message: "another render or secrets import changed this site while this one ran; nothing was written, run it again")
                }
                try stage(plan, in: staging)
            }
        }
    }

    /// A site's new folder: hard links of the current one, the plan's files written or
    /// removed, the state last.
    private static func stage(_ plan: SitePlan, in staging: String) throws(WriteError) {
        let folder = (staging as NSString).appendingPathComponent(plan.site)
        try linkTree(from: plan.folder, to: folder)
        for change in plan.changes {
            // A folder on the way that is a symbolic link (someone's) would take the unlink
            // and the write outside the site folder.
            var walked = folder
            for component in change.path.split(separator: "/").dropLast() {
                walked = (walked as NSString).appendingPathComponent(String(component))
                var info = stat()
                if lstat(walked, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                    throw WriteError(path: (plan.folder as NSString).appendingPathComponent(change.path),
                                     message: "lies under a symbolic link; GuideKit does not write through links (replace the link by a folder)")
                }
            }
            let path = (folder as NSString).appendingPathComponent(change.path)
            unlink(path)  // a hard link to the old file: never written through
            guard change.action != .remove, let content = change.new else { continue }
            let parent = (path as NSString).deletingLastPathComponent
            guard PrivateFiles.ensurePrivateDirectory(parent), PrivateFiles.create(path, contents: content, mode: mode_t(change.mode)) else {
                throw WriteError(path: path, message: "cannot be written (\(PrivateFiles.reason()))")
            }
        }
        let state = (folder as NSString).appendingPathComponent(SiteState.fileName)
        unlink(state)
        guard PrivateFiles.create(state, contents: plan.newState.encoded(), mode: 0o600) else {
            throw WriteError(path: state, message: "cannot be written (\(PrivateFiles.reason()))")
        }
    }

    /// Changes one site's state under the output lock (`guidekit secrets import`): the state
    /// file is replaced atomically, mode 0600; the site folder is created (0700) if needed.
    public static func updateState(site: String, output: String, _ change: (inout SiteState) throws(InputError) -> Void) throws(InputError) {
        if let problem = SiteLoader.folderNameProblem(site) { throw InputError(path: output, message: problem) }
        do { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) } catch {
            throw InputError(path: output, message: "the output folder cannot be created (\(PrivateFiles.reason()))")
        }
        let lock: Lock
        do { lock = try Lock(path: (output as NSString).appendingPathComponent(".guidekit-lock")) } catch {
            throw InputError(path: error.path, message: error.message)
        }
        defer { lock.release() }
        removeLeftovers(in: output)
        let folder = (output as NSString).appendingPathComponent(site)
        guard PrivateFiles.ensurePrivateDirectory(folder) else {
            throw InputError(path: folder, message: "cannot be created (\(PrivateFiles.reason()))")
        }
        var state = try SiteState.load(siteFolder: folder, site: site)
        try change(&state)
        try PrivateFiles.write(state.encoded(), to: (folder as NSString).appendingPathComponent(SiteState.fileName), mode: 0o600)
    }

    /// A copy of `source` made of hard links (folders recreated 0700, symbolic links
    /// recreated); nothing when `source` does not exist.
    private static func linkTree(from source: String, to target: String, mode: mode_t = 0o700) throws(WriteError) {
        guard mkdir(target, mode) == 0 || (errno == EEXIST && PrivateFiles.ensurePrivateDirectory(target)) else {
            throw WriteError(path: target, message: "cannot be created (\(PrivateFiles.reason()))")
        }
        chmod(target, mode)  // as the folder was, whatever the umask
        guard access(source, F_OK) == 0 else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: source) else {
            throw WriteError(path: source, message: "cannot be read, so it cannot be carried over (\(PrivateFiles.reason()))")
        }
        for name in names {
            let from = (source as NSString).appendingPathComponent(name)
            let to = (target as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(from, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                try linkTree(from: from, to: to, mode: info.st_mode & 0o7777)
            case S_IFLNK:
                if let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: from) { symlink(destination, to) }
            default:
                guard link(from, to) == 0 else {
                    throw WriteError(path: from, message: "cannot be carried over (\(PrivateFiles.reason()))")
                }
            }
        }
    }

    private static func stage(_ rendered: [RenderedGuide], in staging: String) throws(WriteError) {
        for item in rendered {
            let siteFolder = (staging as NSString).appendingPathComponent(item.site)
            let folder = (siteFolder as NSString).appendingPathComponent(item.guide)
            for directory in [siteFolder, folder] where !PrivateFiles.ensurePrivateDirectory(directory) {
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
