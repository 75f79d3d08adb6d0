// mamori/src/platform/memory_release.hpp
//
// Gives the heap memory freed by finished requests back to the system.
//
// glibc keeps freed memory in its arenas for reuse and returns only the top of
// each heap. After a burst of large pages (the register's print view is
// 1.5 MB of HTML built from a few MB of data) the server's RSS stayed at
// 200+ MB although ~80 MB was in use; malloc_trim(0) releases the free pages
// inside the heaps as well (issue 11, "RSS after the load").
#pragma once

namespace mamori::platform {

//! Starts a thread that, once a second, releases freed heap memory if requests
//! finished since the last time. Call once, from the server's start.
void StartMemoryRelease();

//! Marks that a request finished (cheap: one relaxed atomic increment).
void NoteRequestFinished();

} // namespace mamori::platform
