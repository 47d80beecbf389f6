import CNNLabEngine

/// Renders engine results as plain text.
public enum TextRenderer {}
