#pragma once

#include <ostream>

#include <hmicfrs/query/paper.hpp>
#include <hmicfrs/render/views.hpp>

namespace hmicfrs::render {

// The committee paper (SPEC §6) in Markdown, text, HTML or JSON: its eight
// numbered parts in order, the register's narrative quoted where it belongs.
void write_paper(std::ostream& out, const query::Paper& paper, const Output& output);

// The paper as a document, for the document formats.
Document paper_document(const query::Paper& paper);

}  // namespace hmicfrs::render
