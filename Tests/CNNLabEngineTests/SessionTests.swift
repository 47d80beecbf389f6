import Testing
@testable import CNNLabEngine

@Test func sessionStartsEmpty() { _ = Session() }
