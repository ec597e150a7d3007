import Foundation
import GuideDocument
import GuideKnowledge

/// Which guides a pull request touched (`--changed-since REV`), given the changed files (the
/// command-line tool asks git for them: `GitChanges`). A guide is also selected when an
/// application profile it uses changed, and every guide when a site file (a `*.yml` in a
/// `sites` folder) changed, since renders of all guides may depend on it.
public enum ChangedGuides {
    /// The guides of `files` to check given the changed files.
    public static func select(_ files: [String], changed: Set<String>, profiles: [ApplicationProfile],
                              guideProfile: (String) -> String?) -> [String] {
        // A profile loaded from a folder has an absolute path; a bundled one its path in
        // GuideKit's source tree, which matches a changed file ending in it.
        let changedProfiles = Set(profiles.filter { profile in
            profile.file.hasPrefix("/")
                ? changed.contains(URL(fileURLWithPath: profile.file).standardizedFileURL.path)
                : changed.contains { $0 == profile.file || $0.hasSuffix("/" + profile.file) }
        }.map(\.id))
        let siteChanged = changed.contains { path in
            (path.hasSuffix(".yml") || path.hasSuffix(".yaml")) && path.split(separator: "/").dropLast().contains("sites")
        }
        return files.filter { file in
            let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
            if siteChanged || changed.contains(absolute) { return true }
            // Finding a guide's profile means reading it: only when a profile changed.
            guard !changedProfiles.isEmpty else { return false }
            return guideProfile(file).map(changedProfiles.contains) ?? false
        }
    }
}

/// A deterministic slice of the guides for one CI runner (`--shard I/N`): the sorted list,
/// every N-th file starting at the I-th. Every runner sees the same list, so the shards
/// cover each guide exactly once.
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            return nil
        }
        self.index = index
        self.count = count
    }

    public func select(_ files: [String]) -> [String] {
        files.sorted().enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}
