import Foundation

/// Which guides a pull request touched (`--changed-since REV`), asked of git: files changed
/// between REV and the working tree, plus untracked files. A guide is also selected when an
/// application profile it uses changed, and every guide when a site file (a `*.yml` in a
/// `sites` folder) changed, since renders of all guides may depend on it.
public enum ChangedGuides {
    public struct GitError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Absolute paths of files changed since `revision` in the repository holding `directory`.
    public static func changedFiles(since revision: String, in directory: String) throws(GitError) -> Set<String> {
        let root = try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            _ = try git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: root)
        } catch {
            throw GitError(description: "'\(revision)' is not a commit of this repository (in CI, fetch enough history: actions/checkout with fetch-depth: 0)")
        }
        let changed = try git(["diff", "--name-only", "--no-renames", revision, "--"], in: root)
        let untracked = try git(["ls-files", "--others", "--exclude-standard"], in: root)
        let names = (changed + "\n" + untracked).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return Set(names.map { URL(fileURLWithPath: root).appendingPathComponent($0).standardizedFileURL.path })
    }

    /// The guides of `files` to check given the changed files.
    public static func select(_ files: [String], changed: Set<String>, profiles: [ApplicationProfile],
                              guideProfile: (String) -> String?) -> [String] {
        let changedProfiles = Set(profiles.filter { changed.contains(URL(fileURLWithPath: $0.file).standardizedFileURL.path) }.map(\.id))
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

    static func git(_ arguments: [String], in directory: String) throws(GitError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw GitError(description: "cannot run git: \(error.localizedDescription)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw GitError(description: "git \(arguments.first ?? "") failed\(detail.isEmpty ? "" : ": \(detail)")")
        }
        return String(decoding: data, as: UTF8.self)
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
