import Testing
import CNNLabLineEditor

@Test func linksGNUReadline8() { #expect(LineEditor.libraryVersion >= 0x0800) }
