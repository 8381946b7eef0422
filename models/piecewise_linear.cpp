#include "models/piecewise_linear.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace fleet::models {

PiecewiseLinear::PiecewiseLinear(std::initializer_list<Point> points, const char* what)
    : PiecewiseLinear(std::span<const Point>(points.begin(), points.size()), what) {}

PiecewiseLinear::PiecewiseLinear(std::span<const Point> points, const char* what) {
  if (points.size() == 0 || points.size() > MAX_POINTS) {
    throw std::invalid_argument(std::string(what) + ": needs 1 to " + std::to_string(MAX_POINTS) + " points");
  }
  for (const Point& p : points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
      throw std::invalid_argument(std::string(what) + ": points must be finite");
    }
    if (count_ > 0 && !(p.x > points_[count_ - 1].x)) {
      throw std::invalid_argument(std::string(what) + ": x must be strictly increasing");
    }
    points_[count_++] = p;
  }
}

double PiecewiseLinear::at(double x) const {
  if (count_ == 0) throw std::logic_error("PiecewiseLinear: empty table");
  if (x <= points_[0].x) return points_[0].y;
  for (std::size_t i = 1; i < count_; ++i) {
    if (x <= points_[i].x) {
      const Point& a = points_[i - 1];
      const Point& b = points_[i];
      return a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x);
    }
  }
  return points_[count_ - 1].y;
}

bool PiecewiseLinear::operator==(const PiecewiseLinear& other) const {
  if (count_ != other.count_) return false;
  for (std::size_t i = 0; i < count_; ++i) {
    if (points_[i].x != other.points_[i].x || points_[i].y != other.points_[i].y) return false;
  }
  return true;
}

}  // namespace fleet::models
