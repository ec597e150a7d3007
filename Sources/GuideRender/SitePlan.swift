import Foundation
import GuideDocument

/// What one render would do to one site folder, worked out before anything is written
/// (`render --plan` prints it; `render` applies it): the files to create, change and remove,
/// the files kept because GuideKit did not write them, and what happens to each managed
/// secret. GuideKit owns only the files its site state lists: a file someone added is never
/// changed or removed; a file it wrote earlier and no longer writes is removed, and the plan
/// says so. Applications not rendered in this run keep their files and state as they are.
public struct SitePlan: Sendable {
    public enum Action: String, Sendable, Equatable { case create, change, remove }

    public struct FileChange: Sendable, Equatable {
        /// Inside the site folder (`proxmox/guide.md`).
        public var path: String
        public var action: Action
        /// The text before and after (nil when absent), for the diff of non-secret files.
        public var old: String?
        public var new: String?
        /// Whether either side holds a secret (mode 0600): the plan never shows its text.
        public var isPrivate: Bool
        public var mode: Int
    }

    public enum SecretChange: String, Sendable, Equatable {
        case new, rotated, kept, imported, given
    }

    public var site: String
    /// The site folder (`OUT/SITE`).
    public var folder: String
    public var changes: [FileChange] = []
    /// Files in the site folder GuideKit did not write (kept, reported).
    public var foreign: [String] = []
    /// Files GuideKit would write where a file it did not write (its state does not list it)
    /// holds something else: never overwritten; the site is not updated until they are moved.
    public var conflicts: [String] = []
    /// Per application rendered: what happens to its client secret.
    public var secrets: [String: SecretChange] = [:]
    public var oldState: SiteState
    public var newState: SiteState

    public var hasChanges: Bool { !changes.isEmpty || oldState != newState }

    /// The plan for `files` (path in the site folder → content and mode) written by the
    /// applications `rendered` (plus the site's own files, application ""), against what the
    /// state and the folder hold now.
    /// - Parameter writesSiteFiles: whether the site's own files (the index) are written this
    ///   time; when the index failed, the earlier index stays as it is.
    static func make(site: String, folder: String, oldState: SiteState, newState: SiteState,
                     files: [String: (content: String, mode: Int, application: String)], rendered: Set<String>,
                     writesSiteFiles: Bool = true) -> SitePlan {
        var plan = SitePlan(site: site, folder: folder, oldState: oldState, newState: newState)
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            let full = (folder as NSString).appendingPathComponent(path)
            var info = stat()
            let present = lstat(full, &info) == 0
            // Only a regular file is read (a link or a FIFO someone put there is not followed);
            // its mode counts: a file private on disk is never shown in a diff.
            let regular = present && info.st_mode & S_IFMT == S_IFREG
            let existing = regular ? FileManager.default.contents(atPath: full).map { String(decoding: $0, as: UTF8.self) } : nil
            let diskPrivate = regular && info.st_mode & 0o077 == 0
            if existing == file.content, Int(info.st_mode & 0o777) == file.mode { continue }
            if present, oldState.files[path] == nil, existing != file.content { plan.conflicts.append(path) }
            plan.changes.append(FileChange(path: path, action: present ? .change : .create, old: existing, new: file.content,
                                           isPrivate: file.mode & 0o077 == 0 || diskPrivate || (present && !regular)
                                               || oldState.files[path].map { $0.mode & 0o077 == 0 } == true,
                                           mode: file.mode))
        }
        // Files GuideKit wrote for the applications rendered now (or for the site) and writes
        // no more.
        for (path, file) in oldState.files.sorted(by: { $0.key < $1.key })
        where files[path] == nil && (file.application.isEmpty ? writesSiteFiles : rendered.contains(file.application)) {
            let full = (folder as NSString).appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: full) else { continue }
            plan.changes.append(FileChange(path: path, action: .remove, old: FileManager.default.contents(atPath: full).map { String(decoding: $0, as: UTF8.self) },
                                           new: nil, isPrivate: file.mode & 0o077 == 0, mode: file.mode))
        }
        let owned = Set(oldState.files.keys).union(files.keys).union([SiteState.fileName])
        plan.foreign = Self.filesUnder(folder).filter { !owned.contains($0) }
        return plan
    }

    /// Every regular file and symbolic link under `folder`, as paths inside it, sorted.
    static func filesUnder(_ folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            if let type = walker.fileAttributes?[.type] as? FileAttributeType, type != .typeDirectory { paths.append(path) }
        }
        return paths.sorted()
    }
}
