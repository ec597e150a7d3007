import Foundation

/// Expands command-line paths into the Markdown files to check.
public enum GuideFinder {
    /// Files are taken as given (whatever their extension); folders are searched recursively
    /// for Markdown (`*.md`, `*.markdown`, and MDX's `*.mdx` as Docusaurus sites write it), in
    /// sorted order so output is stable across machines.
    public static func markdownFiles(in paths: [String]) -> (files: [String], errors: [InputError]) {
        var files: [String] = []
        var errors: [InputError] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(InputError(path: path, message: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            // A subfolder that cannot be read is an input failure, as an unreadable file is:
            // skipping it would pass its guides unchecked.
            var unreadable: [InputError] = []
            let base = URL(fileURLWithPath: path)
            guard opendir(path).map({ closedir($0); return true }) == true,
                  let enumerator = manager.enumerator(at: base, includingPropertiesForKeys: [.isDirectoryKey], options: [],
                                                      errorHandler: { url, error in
                      let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code ?? Int(EACCES)
                      unreadable.append(InputError(path: url.path, message: "folder cannot be read (\(PrivateFiles.reason(Int32(code))))"))
                      return true
                  }) else {
                errors.append(InputError(path: path, message: "folder cannot be read (\(PrivateFiles.reason()))"))
                continue
            }
            var found: [String] = []
            let prefix = base.standardizedFileURL.path
            let realRoot = realpath(path, nil).map { pointer in defer { free(pointer) }; return String(cString: pointer) } ?? prefix
            while let url = enumerator.nextObject() as? URL {
                let name = url.lastPathComponent
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                guard Self.isMarkdownName(name) else { continue }
                // The path as given plus the part below it, so reports name files as the
                // command line did.
                let standardized = url.standardizedFileURL.path
                let relative = standardized.hasPrefix(prefix + "/") ? String(standardized.dropFirst(prefix.count + 1)) : name
                let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                // A link to a file outside the folder is not followed: a contributor's
                // `notes.md -> /etc/passwd` must not be read and quoted in a CI log.
                if let outside = Self.linkOutside(full, root: realRoot) {
                    errors.append(InputError(path: full, message: "is a symbolic link to \(outside), outside \(path); not followed"))
                    continue
                }
                var isDir: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                    found.append(full)
                }
            }
            errors += unreadable
            if found.isEmpty {
                errors.append(InputError(path: path, message: "folder holds no Markdown (*.md, *.mdx, *.markdown) files"))
            }
            files += found.sorted()
        }
        return (files, errors)
    }

    static func isMarkdownName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".mdx") || lower.hasSuffix(".markdown")
    }

    /// For a symbolic link whose target lies outside `root`, the target; nil otherwise.
    static func linkOutside(_ path: String, root: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        let target = String(cString: real)
        return target.hasPrefix(root == "/" ? "/" : root + "/") ? nil : target
    }
}
