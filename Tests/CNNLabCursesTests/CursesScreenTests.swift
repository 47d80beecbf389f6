import Testing
import CNNLabCurses

@Test func linksNcurses6() { #expect(CursesScreen.libraryVersion.hasPrefix("ncurses 6")) }
