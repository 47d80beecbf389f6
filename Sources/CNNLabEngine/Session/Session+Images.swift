import ConvCore

/// `image ...` and `save X "map.png"`.
extension Session {
    func loadImage(_ source: ImageSource, options: ImageOptions, at range: SourceRange) throws(Diagnostic) -> Tensor {

        do {
            var image: Image
            switch source {
            case .file(let path):
                image = try ImageCodec.decode(try FileStore.read(path, access: fileAccess, limit: ImageCodec.maxFileBytes, at: range))
            case .sample(let name, let digit):
                image = try SampleImages.image(named: name, digit: digit)
            }
            if options.gray { image = image.grayscale() }
            if let size = options.resize { image = try image.resized(width: size.width, height: size.height) }
            do {
                return try image.tensor(scale: options.scale)
            } catch {
                throw Diagnostic(.tensor(operation: "image", error), at: range)
            }
        } catch let error as ImageError {
            throw Diagnostic(.image(Self.sourceLabel(source), reason: Self.describe(error)), at: range)
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Diagnostic(.image(Self.sourceLabel(source), reason: String(describing: error)), at: range)
        }
    }

    /// Writes a 2-D map (or H×W×1) as an 8-bit gray PNG scaled min…max → 0…255.
    func savePNG(_ tensor: Tensor, to path: String, at range: SourceRange) throws(Diagnostic) -> GrayScale {
        let encoded: (bytes: [UInt8], scale: GrayScale)
        do {
            encoded = try ImageCodec.encodePNG(gray: tensor)
        } catch {
            throw Diagnostic(.image(path, reason: Self.describe(error)), at: range)
        }
        try FileStore.writeAtomically(encoded.bytes, to: path, access: fileAccess, at: range)
        return encoded.scale
    }

    private static func sourceLabel(_ source: ImageSource) -> String {
        switch source {
        case .file(let p): return p
        case .sample(let n, _): return "sample " + n
        }
    }

    private static func describe(_ error: ImageError) -> String {
        switch error {
        case .unrecognized: return "not a PNG, JPEG or PGM/PPM image"
        case .malformed(let r): return "damaged image: \(r)"
        case .unsupported(let r): return "unsupported image: \(r)"
        case .tooLarge(let w, let h): return "image \(w)×\(h) is too large"
        }
    }
}
