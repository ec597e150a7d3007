import Foundation

/// Document URIs and the paths GuideKit names guides by. The server runs in the workspace
/// folder (as `guidekit check` runs in a repository), so a guide under it is named by its
/// path from there: `.guidekit.yml` globs, overrides and profile matching by file name see
/// the same path as on the command line.
enum DocumentPaths {
    /// The file path of a `file:` URI (percent-decoded), `nil` for other schemes.
    static func filePath(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    /// The path under `root` (relative), else the absolute path; for a non-file URI (an
    /// unsaved buffer), the URI's last component.
    static func guidePath(of uri: String, root: String) -> String {
        guard let path = filePath(of: uri) else {
            return uri.split(separator: "/").last.map(String.init) ?? "untitled.md"
        }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
