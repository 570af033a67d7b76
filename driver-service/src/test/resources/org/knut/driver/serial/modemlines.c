/*
 * modemlines.c: an LD_PRELOAD shim that gives one pseudo-terminal the modem-control lines of a real
 * serial port, so that contact-closure drivers (NUT's genericups, knut's through jSerialComm) can run
 * on a pty. A pty has no such lines: the kernel answers TIOCMGET/TIOCMSET/TIOCMBIS/TIOCMBIC with ENOTTY.
 *
 *   KNUT_MODEM_DEVICE  the device whose lines are simulated, as /proc/self/fd names it (/dev/pts/N)
 *   KNUT_MODEM_STATE   a file of one native int: the line state as TIOCM_* bits, shared with the test
 *
 * The test sets the inputs (CTS, DCD, RI, DSR); the driver sets the outputs (DTR, RTS) as on a UART:
 * TIOCMSET/TIOCMBIS/TIOCMBIC change only the outputs, TIOCMGET reads all lines. A BREAK (TIOCSBRK or
 * tcsendbreak) latches BREAK_SENT. The last close of the device with HUPCL set drops DTR and RTS, as
 * the kernel's serial core does. Every read-modify-write holds an fcntl lock on the state file,
 * which is what Java's FileChannel.lock takes too. Any other call goes to libc unchanged.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#define OUTPUTS (TIOCM_DTR | TIOCM_RTS)
#define BREAK_SENT 0x10000

static int is_simulated(int fd)
{
	const char *device = getenv("KNUT_MODEM_DEVICE");
	char link[64], target[PATH_MAX];
	ssize_t n;

	if (device == NULL || fd < 0) {
		return 0;
	}
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	n = readlink(link, target, sizeof target - 1);
	if (n < 0) {
		return 0;
	}
	target[n] = '\0';
	return strcmp(target, device) == 0;
}

/* Applies state = (state & ~clear) | set under the file's lock; returns the new state or -1. */
static int update_state(int clear, int set)
{
	const char *path = getenv("KNUT_MODEM_STATE");
	struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	int fd, state = 0, result = -1;

	if (path == NULL || (fd = open(path, O_RDWR | O_CLOEXEC)) < 0) {
		errno = EIO;
		return -1;
	}
	if (fcntl(fd, F_SETLKW, &lock) == 0 && pread(fd, &state, sizeof state, 0) == sizeof state) {
		state = (state & ~clear) | set;
		if ((clear | set) == 0 || pwrite(fd, &state, sizeof state, 0) == sizeof state) {
			result = state;
		}
	}
	close(fd); /* also releases the lock */
	if (result < 0) {
		errno = EIO;
	}
	return result;
}

static int modem_ioctl(unsigned long request, int *bits)
{
	int state;

	switch (request) {
	case TIOCMGET:
		state = update_state(0, 0);
		if (state >= 0) {
			*bits = state & ~BREAK_SENT;
		}
		return state < 0 ? -1 : 0;
	case TIOCMSET:
		return update_state(OUTPUTS, *bits & OUTPUTS) < 0 ? -1 : 0;
	case TIOCMBIS:
		return update_state(0, *bits & OUTPUTS) < 0 ? -1 : 0;
	case TIOCMBIC:
		return update_state(*bits & OUTPUTS, 0) < 0 ? -1 : 0;
	case TIOCSBRK:
		return update_state(0, BREAK_SENT) < 0 ? -1 : 0;
	default: /* TIOCCBRK: the latch stays for the test to see */
		return 0;
	}
}

int ioctl(int fd, unsigned long request, ...)
{
	static int (*real_ioctl)(int, unsigned long, ...);
	va_list ap;
	void *arg;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	switch (request) {
	case TIOCMGET: case TIOCMSET: case TIOCMBIS: case TIOCMBIC: case TIOCSBRK: case TIOCCBRK:
		if (is_simulated(fd)) {
			return modem_ioctl(request, arg);
		}
		break;
	default:
		break;
	}
	if (real_ioctl == NULL) {
		real_ioctl = (int (*)(int, unsigned long, ...)) dlsym(RTLD_NEXT, "ioctl");
	}
	return real_ioctl(fd, request, arg);
}

/* glibc's tcsendbreak calls the kernel directly, not through ioctl(), so it is caught by name. */
int tcsendbreak(int fd, int duration)
{
	static int (*real_tcsendbreak)(int, int);

	if (is_simulated(fd)) {
		return update_state(0, BREAK_SENT) < 0 ? -1 : 0;
	}
	if (real_tcsendbreak == NULL) {
		real_tcsendbreak = (int (*)(int, int)) dlsym(RTLD_NEXT, "tcsendbreak");
	}
	return real_tcsendbreak(fd, duration);
}

int close(int fd)
{
	static int (*real_close)(int);
	struct termios tio;

	if (real_close == NULL) {
		real_close = (int (*)(int)) dlsym(RTLD_NEXT, "close");
	}
	if (is_simulated(fd) && tcgetattr(fd, &tio) == 0 && (tio.c_cflag & HUPCL)) {
		int saved = errno;
		update_state(OUTPUTS, 0);
		errno = saved;
	}
	return real_close(fd);
}
