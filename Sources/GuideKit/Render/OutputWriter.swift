import Foundation

/// Writes rendered sites so that a failure leaves nothing partial: everything goes to a
/// temporary folder inside the output folder first, then each site folder is moved into
/// place (an existing one is replaced only once its successor is complete).
public enum OutputWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// - Returns: the site folders written.
    public static func write(_ rendered: [RenderedGuide], to output: String) throws(WriteError) -> [String] {
        let manager = FileManager.default
        let staging = (output as NSString).appendingPathComponent(".guidekit-staging-\(ProcessInfo.processInfo.processIdentifier)")
        func wrap(_ path: String, _ body: () throws -> Void) throws(WriteError) {
            do { try body() } catch { throw WriteError(path: path, message: error.localizedDescription) }
        }
        try wrap(output) { try manager.createDirectory(atPath: output, withIntermediateDirectories: true) }
        try? manager.removeItem(atPath: staging)
        do {
            for item in rendered {
                let folder = ((staging as NSString).appendingPathComponent(item.site) as NSString).appendingPathComponent(item.guide)
                // Folders 0700: rendered guides hold secrets.
                for directory in [staging, (staging as NSString).appendingPathComponent(item.site), folder] {
                    guard PrivateFiles.ensurePrivateDirectory(directory) else {
                        throw WriteError(path: directory, message: "cannot be created")
                    }
                }
                for file in item.artifacts {
                    let path = (folder as NSString).appendingPathComponent(file.name)
                    // Created with its final mode by open(2) (never a moment readable by others,
                    // whatever the umask).
                    guard PrivateFiles.create(path, contents: file.content, mode: mode_t(file.permissions)) else {
                        throw WriteError(path: path, message: "cannot be written")
                    }
                }
            }
            // Swap each site folder in; if any swap fails, undo the ones already made.
            var moved: [(target: String, old: String?)] = []
            do {
                for site in Set(rendered.map(\.site)).sorted() {
                    let target = (output as NSString).appendingPathComponent(site)
                    let source = (staging as NSString).appendingPathComponent(site)
                    let old = target + ".guidekit-old"
                    try? manager.removeItem(atPath: old)
                    let hadOld = manager.fileExists(atPath: target)
                    if hadOld { try wrap(target) { try manager.moveItem(atPath: target, toPath: old) } }
                    do {
                        try wrap(target) { try manager.moveItem(atPath: source, toPath: target) }
                    } catch {
                        if hadOld { try? manager.moveItem(atPath: old, toPath: target) }
                        throw error
                    }
                    moved.append((target, hadOld ? old : nil))
                }
            } catch {
                for (target, old) in moved.reversed() {
                    try? manager.removeItem(atPath: target)
                    if let old { try? manager.moveItem(atPath: old, toPath: target) }
                }
                throw error
            }
            for (_, old) in moved { if let old { try? manager.removeItem(atPath: old) } }
            try? manager.removeItem(atPath: staging)
            return moved.map(\.target)
        } catch let error as WriteError {
            try? manager.removeItem(atPath: staging)
            throw error
        } catch {
            try? manager.removeItem(atPath: staging)
            throw WriteError(path: output, message: "\(error)")
        }
    }
}
