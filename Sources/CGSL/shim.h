#ifndef CAPSIM_CGSL_SHIM_H
#define CAPSIM_CGSL_SHIM_H

#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

/* Swift 6 strict concurrency rejects GSL's global generator-type variables
   (`gsl_rng_mt19937` is a mutable global pointer), so each one is read
   through a function instead. */
static inline const gsl_rng_type *capsim_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *capsim_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }

/* GSL's default error handler aborts the process; parameters are validated
   in Swift, so the handler is switched off once at start. */
static inline void capsim_gsl_errors_off(void) { gsl_set_error_handler_off(); }

#endif
