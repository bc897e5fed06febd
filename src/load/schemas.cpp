#include <hmicfrs/load/schemas.hpp>

#include <array>

namespace hmicfrs::load {

// Compiled from schemas/*.schema.json by cmake/EmbedFile.cmake.
std::string_view config_schema_json();
std::string_view committees_schema_json();
std::string_view inspection_schema_json();
std::string_view peel_framework_schema_json();
std::string_view starter_config_yaml();
std::string_view starter_committees_yaml();
std::string_view starter_inspection_yaml();

std::span<const Schema> schemas() {
  static const std::array k_schemas{
      Schema{"config", "hmicfrs-track.yaml", "config.schema.json", config_schema_json()},
      Schema{"committees", "committees.yaml", "committees.schema.json", committees_schema_json()},
      Schema{"inspection", "inspections/**/*.yaml", "inspection.schema.json", inspection_schema_json()},
      Schema{"peel-framework", "peel-frameworks/*.yaml", "peel-framework.schema.json", peel_framework_schema_json()},
  };
  return k_schemas;
}

std::span<const StarterFile> starter_register() {
  static const std::array k_files{
      StarterFile{"hmicfrs-track.yaml", starter_config_yaml()},
      StarterFile{"committees.yaml", starter_committees_yaml()},
      StarterFile{"inspections/example-thematic.yaml", starter_inspection_yaml()},
      StarterFile{".schemas/config.schema.json", config_schema_json()},
      StarterFile{".schemas/committees.schema.json", committees_schema_json()},
      StarterFile{".schemas/inspection.schema.json", inspection_schema_json()},
      StarterFile{".schemas/peel-framework.schema.json", peel_framework_schema_json()},
  };
  return k_files;
}

}  // namespace hmicfrs::load
