#pragma once
// A small fixed-capacity table y(x) with linear interpolation: the Li-SOCl2 open-circuit voltage against
// depth of discharge, the capacity derating against temperature. Fixed storage so a parameter set stays a
// plain value (no heap), shared by every device of a profile.
#include <array>
#include <cstddef>
#include <initializer_list>
#include <span>

namespace fleet::models {

class PiecewiseLinear {
 public:
  static constexpr std::size_t MAX_POINTS = 8;
  struct Point {
    double x;
    double y;
  };

  PiecewiseLinear() = default;
  // Throws std::invalid_argument (naming `what`) unless there are 1..MAX_POINTS finite points with
  // strictly increasing x.
  PiecewiseLinear(std::initializer_list<Point> points, const char* what = "table");
  PiecewiseLinear(std::span<const Point> points, const char* what = "table");

  // Linear between points; flat beyond the first and last point (a table says nothing outside its range,
  // and a flat end never invents a trend the source did not show).
  double at(double x) const;

  std::size_t size() const { return count_; }
  const Point& operator[](std::size_t i) const { return points_[i]; }
  bool operator==(const PiecewiseLinear&) const;

 private:
  std::array<Point, MAX_POINTS> points_{};
  std::size_t count_ = 0;
};

}  // namespace fleet::models
