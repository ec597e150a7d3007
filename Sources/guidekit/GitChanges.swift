import Foundation

/// Files changed since a revision, asked of git (`--changed-since REV`): changed between the
/// merge base of REV and HEAD and the working tree, plus untracked files. Starting processes is the command-line tool's
/// business; the library only selects guides from the answer (`ChangedGuides`).
enum GitChanges {
    struct GitError: Error, CustomStringConvertible {
        var description: String
    }

    /// Absolute paths of files changed since `revision` in the repository holding `directory`.
    static func files(since revision: String, in directory: String) throws(GitError) -> Set<String> {
        let root = try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            _ = try git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: root)
        } catch {
            throw GitError(description: "'\(revision)' is not a commit of this repository (in CI, fetch enough history: actions/checkout with fetch-depth: 0)")
        }
        // Changed on this side since the branches parted (the merge base), as a pull request
        // shows them: files changed only on the other branch since are not this change's.
        let base = (try? git(["merge-base", revision, "HEAD"], in: root))?.trimmingCharacters(in: .whitespacesAndNewlines)
        let changed = try git(["diff", "--name-only", "--no-renames", base.flatMap { $0.isEmpty ? nil : $0 } ?? revision, "--"], in: root)
        let untracked = try git(["ls-files", "--others", "--exclude-standard"], in: root)
        let names = (changed + "\n" + untracked).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return Set(names.map { URL(fileURLWithPath: root).appendingPathComponent($0).standardizedFileURL.path })
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
