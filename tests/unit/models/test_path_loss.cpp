// Path loss: closed forms, the LoRaSim parameters of domain.md §11, and the textbook Friis constant.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/path_loss.hpp"

using fleet::models::free_space_path_loss_db;
using fleet::models::LogDistancePathLoss;

TEST_CASE("log-distance path loss with the ns-3 lorawan defaults", "[path_loss]") {
  const LogDistancePathLoss pl;  // n = 3.76, 7.7 dB at 1 m
  CHECK(pl.path_loss_db(1.0) == Approx(7.7));
  CHECK(pl.path_loss_db(1000.0) == Approx(7.7 + 37.6 * 3));                    // 120.5 dB
  CHECK(pl.path_loss_db(10'000.0) - pl.path_loss_db(1000.0) == Approx(37.6));  // 10·n per decade
  // Below the reference distance the loss is clamped, never a gain.
  CHECK(pl.path_loss_db(0.5) == Approx(7.7));
  CHECK(pl.path_loss_db(0.0) == Approx(7.7));
}

TEST_CASE("log-distance path loss with the LoRaSim parameters (domain.md §11)", "[path_loss]") {
  const LogDistancePathLoss lorasim{2.08, 127.41, 40.0};
  CHECK(lorasim.path_loss_db(40.0) == Approx(127.41));
  // The log10-consistent radius for 14 dBm against −132.25 dBm is ≈322 m: a loss of 146.25 dB there.
  const double radius_m = 40.0 * std::pow(10.0, (14.0 + 132.25 - 127.41) / 20.8);
  CHECK(radius_m == Approx(322.0).epsilon(0.002));
  CHECK(lorasim.path_loss_db(radius_m) == Approx(146.25));
}

TEST_CASE("free-space path loss matches the Friis textbook constant", "[path_loss]") {
  // FSPL = 20·log10(d_km) + 20·log10(f_MHz) + 32.45 dB.
  CHECK(free_space_path_loss_db(1000.0, 868e6) ==
        Approx(20 * std::log10(868.0) + 32.45).margin(0.01));  // 91.22
  CHECK(free_space_path_loss_db(1000.0, 2.4e9) == Approx(100.05).margin(0.01));
  CHECK(free_space_path_loss_db(2000.0, 868e6) - free_space_path_loss_db(1000.0, 868e6) ==
        Approx(20 * std::log10(2.0)));
  // GEO slant range at zenith (35,786 km) at 1.6 GHz: the usual ≈187.6 dB.
  CHECK(free_space_path_loss_db(35'786e3, 1.6e9) == Approx(187.6).margin(0.1));
  // Near field: clamped at 0 dB rather than a gain.
  CHECK(free_space_path_loss_db(0.001, 868e6) == 0.0);
  CHECK(free_space_path_loss_db(0.0, 868e6) == 0.0);
}
