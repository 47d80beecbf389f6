/// Random changes to training images, as the ConvNetJS demos make them (`convnetjs.augment`):
/// a crop window placed at random, shifted by a few pixels with zeros filling what moves in,
/// and a horizontal flip.
///
/// Every image of a batch is `crop` sized (or the images' own size). During training the
/// window is placed uniformly among the positions inside the image, then moved by a shift of
/// −`maxShift`…`maxShift` pixels in each direction (pixels from outside the image are 0), and
/// mirrored left–right with probability ½ if `horizontalFlip`. ``evaluation`` is the same
/// crop centred, unshifted and unflipped, for test images.
public struct Augmentation: Sendable, Equatable {
    /// The size of a crop window.
    public struct Size: Sendable, Equatable {
        /// Rows, n_H.
        public var height: Int
        /// Columns, n_W.
        public var width: Int

        /// A window of `height × width` pixels.
        public init(height: Int, width: Int) {
            self.height = height
            self.width = width
        }
    }

    /// Mirror each image left–right with probability ½ (off for digits, where a mirrored 3 is
    /// no digit at all; on for CIFAR-10's photographs).
    public var horizontalFlip: Bool
    /// The largest shift in pixels, in each direction (ConvNetJS uses 2).
    public var maxShift: Int
    /// The window cut from each image, or nil for the whole image.
    public var crop: Size?
    /// Whether windows, shifts and flips are drawn at random (training) or the crop is centred
    /// with no shift or flip (testing).
    public var isRandom: Bool

    /// An augmentation with the given parts (all off by default).
    public init(horizontalFlip: Bool = false, maxShift: Int = 0, crop: Size? = nil, isRandom: Bool = true) {
        self.horizontalFlip = horizontalFlip
        self.maxShift = maxShift
        self.crop = crop
        self.isRandom = isRandom
    }

    /// Images as they are.
    public static let none = Augmentation()

    /// ConvNetJS's MNIST demo: random 24×24 crops of the 28×28 images, no flips.
    public static let convNetJSMNIST = Augmentation(crop: Size(height: 24, width: 24))

    /// ConvNetJS's CIFAR-10 demo: shifts of up to 2 pixels and horizontal flips.
    public static let convNetJSCIFAR10 = Augmentation(horizontalFlip: true, maxShift: 2)

    /// Shifts of up to 2 pixels and no flip: the demos' augmentation for handwritten digits
    /// too small to crop (`digits`' 8×8).
    public static let shifts = Augmentation(maxShift: 2)

    /// The augmentation for test images: the same crop, centred, with nothing random.
    public var evaluation: Augmentation {
        Augmentation(horizontalFlip: false, maxShift: 0, crop: crop, isRandom: false)
    }

    /// The size of the images it gives from `height × width` images.
    public func outputSize(height: Int, width: Int) -> Size {
        crop ?? Size(height: height, width: width)
    }

    /// Checks that it fits `height × width` images.
    func validate(height: Int, width: Int) throws(Diagnostic) {
        guard maxShift >= 0 else { throw Diagnostic(.dataset(.invalidAugmentation("maxShift \(maxShift) < 0"))) }
        if let crop, crop.height < 1 || crop.width < 1 || crop.height > height || crop.width > width {
            throw Diagnostic(.dataset(.invalidAugmentation("a \(crop.height)×\(crop.width) crop of \(height)×\(width) images")))
        }
    }
}
