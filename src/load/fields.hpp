#pragma once

// The fields each record of the data format accepts: what decoding checks and
// what the JSON Schemas in schemas/ must describe (a test compares them).

#include <array>
#include <span>
#include <string_view>

namespace hmicfrs::load {

// One field a mapping may hold.
struct Field {
  std::string_view name;
  bool required = false;
};

inline constexpr std::array k_config_fields{Field{"schema_version", true},
                                            Field{"force", true},
                                            Field{"committee", true},
                                            Field{"paper"},
                                            Field{"contact"},
                                            Field{"portfolios", true},
                                            Field{"priorities"},
                                            Field{"owners"},
                                            Field{"rag"},
                                            Field{"ratings"},
                                            Field{"statuses"},
                                            Field{"thresholds"},
                                            Field{"marking"},
                                            Field{"responses"},
                                            Field{"commissioner"},
                                            Field{"monitoring"},
                                            Field{"action_ratings"}};
inline constexpr std::array k_action_rule_fields{Field{"rating", true}, Field{"below"}, Field{"up_to"},
                                                 Field{"overdue"}};
inline constexpr std::array k_responses_fields{Field{"from", true}};
inline constexpr std::array k_monitoring_fields{Field{"date", true}, Field{"phase", true}, Field{"reason"},
                                                Field{"letter"}};
inline constexpr std::array k_force_fields{Field{"name", true}, Field{"short_name"}};
inline constexpr std::array k_committee_fields{Field{"name", true}, Field{"short_name"}};
inline constexpr std::array k_paper_fields{Field{"title"},         Field{"purpose"},  Field{"decision"},
                                           Field{"inspectorate"},  Field{"sections"}, Field{"peel_narratives"},
                                           Field{"word_template"}, Field{"dates"},    Field{"background"}};
inline constexpr std::array k_background_fields{Field{"title", true}, Field{"url"}, Field{"date"}};
inline constexpr std::array k_priorities_fields{Field{"title"}, Field{"values", true}, Field{"table_each"}};
inline constexpr std::array k_priority_fields{Field{"id", true}, Field{"name", true}};
inline constexpr std::array k_section_fields{Field{"id", true}, Field{"title"}};
inline constexpr std::array k_contact_fields{Field{"name"}, Field{"title"}, Field{"email"}, Field{"phone"}};
inline constexpr std::array k_portfolio_fields{Field{"id", true}, Field{"name", true}, Field{"lead"}};
inline constexpr std::array k_owner_fields{Field{"role", true}, Field{"email", true}};
inline constexpr std::array k_rag_fields{Field{"red"}, Field{"amber"}, Field{"green"}};
inline constexpr std::array k_rating_fields{Field{"id", true},    Field{"label"}, Field{"meaning"},
                                            Field{"colour"},      Field{"marks"}, Field{"attention"},
                                            Field{"derived_when"}};
inline constexpr std::array k_status_label_fields{Field{"open"},         Field{"awaiting-sign-off"}, Field{"closed"},
                                                  Field{"achieved"},     Field{"superseded"},        Field{"declined"},
                                                  Field{"not-monitored"}};
inline constexpr std::array k_threshold_fields{Field{"stale_after_days"}, Field{"reply_days_before_meeting"}};

inline constexpr std::array k_committees_fields{Field{"meetings", true}};
inline constexpr std::array k_meeting_fields{
    Field{"id", true}, Field{"date", true}, Field{"agenda_item"}, Field{"as_of"},    Field{"previous_cut_off"},
    Field{"contact"},  Field{"notes"},      Field{"review"},      Field{"sections"}, Field{"background"}};

inline constexpr std::array k_inspection_fields{Field{"id", true},
                                                Field{"type", true},
                                                Field{"title", true},
                                                Field{"short_name"},
                                                Field{"inspectorates"},
                                                Field{"involvement"},
                                                Field{"other_forces"},
                                                Field{"notified"},
                                                Field{"fieldwork"},
                                                Field{"events"},
                                                Field{"draft_expected"},
                                                Field{"draft_received"},
                                                Field{"publication_expected"},
                                                Field{"published"},
                                                Field{"url"},
                                                Field{"summary"},
                                                Field{"gradings"},
                                                Field{"counts"},
                                                Field{"superseded"},
                                                Field{"response"},
                                                Field{"findings"}};
inline constexpr std::array k_supersession_fields{Field{"by", true}, Field{"date", true}};
inline constexpr std::array k_response_fields{Field{"required"}, Field{"published"}, Field{"url"}, Field{"note"}};
inline constexpr std::array k_phase_fields{Field{"label", true}, Field{"from"}, Field{"to"}, Field{"week_commencing"},
                                           Field{"note"}};
inline constexpr std::array k_event_fields{Field{"event", true}, Field{"date", true}, Field{"note"}};
inline constexpr std::array k_counts_fields{Field{"causes_of_concern"}, Field{"recommendations"}, Field{"afis"},
                                            Field{"continuing"}, Field{"continuing_from"}};
inline constexpr std::array k_continuing_fields{Field{"causes_of_concern"}, Field{"recommendations"}, Field{"afis"}};
inline constexpr std::array k_fieldwork_fields{Field{"from"}, Field{"to"}, Field{"week_commencing"}};
inline constexpr std::array k_gradings_fields{Field{"cycle", true}, Field{"areas", true}};
inline constexpr std::array k_grading_fields{Field{"grade", true}, Field{"narrative"}, Field{"carried_over_from"}};
inline constexpr std::array k_finding_fields{Field{"ref", true},
                                             Field{"type", true},
                                             Field{"title", true},
                                             Field{"text"},
                                             Field{"scope"},
                                             Field{"cause_of_concern"},
                                             Field{"area"},
                                             Field{"owner"},
                                             Field{"portfolio"},
                                             Field{"due"},
                                             Field{"inspectorate_due"},
                                             Field{"repeats"},
                                             Field{"related"},
                                             Field{"history"},
                                             Field{"priority"},
                                             Field{"theme"},
                                             Field{"actions"}};
inline constexpr std::array k_action_fields{Field{"id", true}, Field{"title", true}, Field{"owner"}, Field{"due"},
                                            Field{"history"}};
inline constexpr std::array k_action_entry_fields{Field{"date", true}, Field{"status"}, Field{"percent"},
                                                  Field{"note"}};
inline constexpr std::array k_history_fields{Field{"date"}, Field{"as_at"}, Field{"status"}, Field{"rag"},
                                             Field{"note"}, Field{"by"},    Field{"owner"},  Field{"due"}};

inline constexpr std::array k_catalogue_fields{Field{"cycles", true}};
inline constexpr std::array k_cycle_fields{Field{"id", true},   Field{"name"}, Field{"scale"},
                                           Field{"source"},     Field{"note"}, Field{"areas_confirmed"},
                                           Field{"areas", true}};
inline constexpr std::array k_area_fields{Field{"id", true}, Field{"short", true}, Field{"long"}, Field{"pillar"},
                                          Field{"graded"}};

// A record of the format, named as the schemas name it, with its fields.
struct RecordFields {
  std::string_view record;
  std::span<const Field> fields;
};

// Every record of the format.
inline constexpr std::array k_records{
    RecordFields{"configuration", k_config_fields},
    RecordFields{"force", k_force_fields},
    RecordFields{"committee", k_committee_fields},
    RecordFields{"paper", k_paper_fields},
    RecordFields{"contact", k_contact_fields},
    RecordFields{"portfolio", k_portfolio_fields},
    RecordFields{"owner", k_owner_fields},
    RecordFields{"rag", k_rag_fields},
    RecordFields{"rating", k_rating_fields},
    RecordFields{"statuses", k_status_label_fields},
    RecordFields{"section", k_section_fields},
    RecordFields{"thresholds", k_threshold_fields},
    RecordFields{"committees", k_committees_fields},
    RecordFields{"meeting", k_meeting_fields},
    RecordFields{"inspection", k_inspection_fields},
    RecordFields{"fieldwork", k_fieldwork_fields},
    RecordFields{"phase", k_phase_fields},
    RecordFields{"event", k_event_fields},
    RecordFields{"gradings", k_gradings_fields},
    RecordFields{"counts", k_counts_fields},
    RecordFields{"continuing", k_continuing_fields},
    RecordFields{"grading", k_grading_fields},
    RecordFields{"finding", k_finding_fields},
    RecordFields{"history-entry", k_history_fields},
    RecordFields{"peel-cycles", k_catalogue_fields},
    RecordFields{"peel-cycle", k_cycle_fields},
    RecordFields{"peel-area", k_area_fields},
    RecordFields{"background-document", k_background_fields},
    RecordFields{"priorities", k_priorities_fields},
    RecordFields{"priority", k_priority_fields},
    RecordFields{"supersession", k_supersession_fields},
    RecordFields{"response", k_response_fields},
    RecordFields{"responses", k_responses_fields},
    RecordFields{"monitoring", k_monitoring_fields},
    RecordFields{"action-rule", k_action_rule_fields},
    RecordFields{"action", k_action_fields},
    RecordFields{"action-entry", k_action_entry_fields},
};

// The mapping file of `import --map` (docs/import.md).
inline constexpr std::array k_mapping_fields{
    Field{"sheet"},  Field{"header_row"}, Field{"register"}, Field{"columns"}, Field{"ignore"},
    Field{"values"}, Field{"dates"},      Field{"defaults"}, Field{"ratings"}, Field{"statuses"}};
inline constexpr std::array k_mapping_register_fields{Field{"force"}, Field{"committee"}};
inline constexpr std::array k_mapping_date_fields{Field{"formats"}, Field{"default_year"}};
inline constexpr std::array k_mapping_default_fields{Field{"inspection"}, Field{"inspection_type"}, Field{"type"}};

}  // namespace hmicfrs::load
