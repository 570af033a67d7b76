package org.knut.driver.snmp;

/**
 * How a table is walked.
 *
 * @param semiStaticFreq read semi-static rows every that many walks
 * @param noTransferOids ignore input.transfer.low/high (the {@code notransferoids} flag, for APC Symmetras)
 * @param symmetraThreePhase convert the transfer points from line-to-line voltages ({@code symmetrathreephase})
 */
record WalkOptions(int semiStaticFreq, boolean noTransferOids, boolean symmetraThreePhase) {
}
